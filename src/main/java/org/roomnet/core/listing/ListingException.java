package org.roomnet.core.listing;

/** An export that cannot start or could not finish; the message says why, for the agent. Nothing is left half-written. */
public class ListingException extends Exception {
    public ListingException(String message) {
        super(message);
    }

    public ListingException(String message, Throwable cause) {
        super(message, cause);
    }
}
