package org.roomnet.core.review;

import java.io.IOException;

/**
 * The review file cannot be used at all: it is not a regular file (a link, a FIFO, a folder) or it is
 * larger than any real review ({@link ReviewSidecar#MAX_BYTES}). It was not opened, or not read past
 * the limit, and is never replaced.
 */
public final class ReviewFileException extends IOException {

    public ReviewFileException(String message) {
        super(message);
    }
}
