package org.roomnet.core.organize;

/** Organizing could not be done; the message is for the user and says what state the files are in. */
public class OrganizeException extends Exception {
    public OrganizeException(String message) {
        super(message);
    }

    public OrganizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
