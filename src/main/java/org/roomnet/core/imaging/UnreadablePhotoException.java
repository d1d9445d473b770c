package org.roomnet.core.imaging;

/** A file that cannot be decoded as a photo; the message says why, for the user. */
public class UnreadablePhotoException extends Exception {
    public UnreadablePhotoException(String message) {
        super(message);
    }

    public UnreadablePhotoException(String message, Throwable cause) {
        super(message, cause);
    }
}
