package org.roomnet.core.imaging.jpeg;

import java.io.IOException;
import java.util.List;

/**
 * One pass over a JPEG's segments: reads the frame header, and skips each scan's entropy-coded data or,
 * given a {@link BlockCounter}, has it count the blocks of the scan first.
 */
final class SegmentWalk {
    private final JpegBytes in;
    private final BlockCounter counter;
    private Frame frame;
    private int restartInterval;

    /** A walk that only skips entropy-coded data. */
    SegmentWalk(JpegBytes in) {
        this(in, null);
    }

    /** A walk that has {@code counter} (on the same bytes) count each scan's blocks; with null, one that skips them. */
    SegmentWalk(JpegBytes in, BlockCounter counter) {
        this.in = in;
        this.counter = counter;
    }

    /** The last frame header read; null when none was (or it declares nothing). */
    Frame frame() {
        return frame;
    }

    /** True when the end-of-image marker was reached; stops after the frame header with {@code headerOnly}. */
    boolean run(boolean headerOnly) throws IOException {
        if (!in.startsWithSoi()) {
            return false;
        }
        in.position(2);
        while (true) {
            int m = nextMarker();
            if (m < 0) {
                return finishTruncated();
            }
            if (m == 0xD9) {
                return true;
            }
            if (hasNoSegment(m)) {
                continue;
            }
            int length = in.u16();
            if (length < 2) {
                return finishTruncated();
            }
            long end = in.position() + length - 2;
            if (Frame.isFrameMarker(m)) {
                frame = Frame.read(in, m);
                if (frame == null || headerOnly) {
                    return false;
                }
            } else if (m == 0xC4 && counter != null) {
                counter.readHuffmanTables(end);
            } else if (m == 0xDD) {
                restartInterval = in.u16();
            } else if (m == 0xDA) {
                if (frame == null) {
                    return false;
                }
                if (!passScan(end)) {
                    return finishTruncated();
                }
                continue;
            }
            in.position(end);
        }
    }

    /** The code of the next marker, after stray bytes and fill bytes; -1 when the file ends first. */
    private int nextMarker() throws IOException {
        while (true) {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            if (b != 0xFF) {
                continue; // stray bytes between segments: decoders skip them too
            }
            int m = in.read();
            while (m == 0xFF) {
                m = in.read();
            }
            return m;
        }
    }

    /** Markers that stand alone (TEM, RSTn, SOI) and a stuffed zero byte. */
    private static boolean hasNoSegment(int m) {
        return m == 0x00 || m == 0x01 || m == 0xD8 || (m >= 0xD0 && m <= 0xD7);
    }

    /** Moves past a scan's entropy-coded data (counting its blocks when it can); false when the file ends first. */
    private boolean passScan(long end) throws IOException {
        List<ScanComponent> scan = ScanComponent.read(in, frame);
        in.position(end);
        if (counter != null && scan != null && counter.countScan(frame, scan, restartInterval)) {
            return true;
        }
        return in.skipEntropyData();
    }

    private boolean finishTruncated() {
        if (frame != null && counter != null) {
            counter.countUnscannedComponents(frame);
        }
        return false;
    }
}
