package org.roomnet.core.imaging.jpeg;

import java.io.IOException;
import javax.imageio.stream.ImageInputStream;

/** A JPEG's bytes, read at a position of the file through the same buffered stream the decoder uses. */
final class JpegBytes {
    private final ImageInputStream in;

    JpegBytes(ImageInputStream in) {
        this.in = in;
    }

    JpegBytes rewind() throws IOException {
        in.seek(0);
        return this;
    }

    long position() throws IOException {
        return in.getStreamPosition();
    }

    void position(long p) throws IOException {
        in.seek(p);
    }

    int read() throws IOException {
        return in.read();
    }

    int u16() throws IOException {
        int hi = read();
        int lo = read();
        return hi < 0 || lo < 0 ? -1 : hi << 8 | lo;
    }

    boolean startsWithSoi() throws IOException {
        in.seek(0);
        return read() == 0xFF && read() == 0xD8;
    }

    boolean endsWithEoi() throws IOException {
        long size = in.length();
        if (size < 4) {
            return false;
        }
        in.seek(size - 2);
        return read() == 0xFF && read() == 0xD9;
    }

    /** Skips entropy-coded data up to the next marker (left unread); false when the file ends first. */
    boolean skipEntropyData() throws IOException {
        while (true) {
            int b = read();
            if (b < 0) {
                return false;
            }
            if (b == 0xFF) {
                int m = read();
                if (m < 0) {
                    return false;
                }
                if (m == 0xFF) {
                    position(position() - 1); // fill byte: look at the next one again
                } else if (m != 0x00 && (m < 0xD0 || m > 0xD7)) {
                    position(position() - 2);
                    return true;
                }
            }
        }
    }
}
