package org.roomnet.core.imaging.jpeg;

import java.io.IOException;

/** Bits of entropy-coded data: stuffed zero bytes removed, stops at a marker or the end of the file. */
final class BitReader {
    private final JpegBytes in;
    private int current;
    private int left;
    private boolean marker;

    BitReader(JpegBytes in) {
        this.in = in;
    }

    /** The next bit, or -1 at a marker (left unread) or the end of the file. */
    int bit() throws IOException {
        if (left == 0) {
            if (marker) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            if (b == 0xFF) {
                int next = in.read();
                if (next < 0) {
                    return -1;
                }
                if (next != 0) {
                    in.position(in.position() - 2);
                    marker = true;
                    return -1;
                }
            }
            current = b;
            left = 8;
        }
        left--;
        return current >> left & 1;
    }

    boolean skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            if (bit() < 0) {
                return false;
            }
        }
        return true;
    }

    boolean atMarker() {
        return marker;
    }

    /** Drops the padding bits and reads the restart marker that must follow. */
    boolean restart() throws IOException {
        left = 0;
        marker = false;
        int ff = in.read();
        int m = in.read();
        return ff == 0xFF && m >= 0xD0 && m <= 0xD7;
    }
}
