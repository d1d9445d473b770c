package org.roomnet.core.classify;

/** The model file is missing, unreadable, or lacks the metadata RoomNet needs. */
public class ModelLoadException extends Exception {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
