package org.roomnet.core.imaging;

import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a JPEG's bytes say, before and independent of any decoder: the size its frame header
 * declares (for {@link PhotoLimits}) and whether its image data is all there. Decoders differ in
 * what they do with a cut file (ImageIO paints the missing part grey and only warns), so every
 * decode path asks this class instead, and reports the same damage for the same file.
 * <p>
 * Cost: the header is a few small reads at the start of the file. An intact file that ends with
 * the end-of-image marker is recognised from its last two bytes; one that does not (a camera trailer
 * after the image, or a cut) is scanned for markers; only a cut baseline file is walked code by code
 * to measure how much of it is missing.
 */
public final class JpegIntegrity {

    /** The frame header: declared size, and whether the file is progressive (its decode holds every coefficient). */
    public record Header(int width, int height, boolean progressive) {
    }

    private JpegIntegrity() {
    }

    /** The frame header, or empty when the file is not a JPEG or has no frame header. */
    public static Optional<Header> header(SeekableByteChannel file) throws IOException {
        Walk walk = new Walk(new Bytes(file), false);
        walk.run(true);
        return Optional.ofNullable(walk.frame).map(f -> new Header(f.width, f.height, f.progressive));
    }

    /**
     * Empty when the image data is complete (or the file is not a JPEG: other formats fail in their
     * decoder); else the damage in the user's words, e.g. {@code "truncated: 38 % of the image data missing"}.
     */
    public static Optional<String> damage(SeekableByteChannel file) throws IOException {
        Bytes bytes = new Bytes(file);
        if (!bytes.startsWithSoi() || bytes.endsWithEoi()) {
            return Optional.empty();
        }
        Walk scan = new Walk(bytes.rewind(), false);
        if (scan.run(false) || scan.frame == null) {
            return Optional.empty(); // complete (data after the image), or nothing a decoder could show anyway
        }
        if (!scan.frame.baselineHuffman()) {
            return Optional.of("truncated: the image data stops early (" + (scan.frame.progressive
                    ? "progressive JPEG: parts of the photo are missing or blurred)" : "parts of the photo are missing)"));
        }
        Walk count = new Walk(bytes.rewind(), true);
        count.run(false);
        if (count.expectedBlocks <= 0) {
            return Optional.of("truncated: the image data stops early");
        }
        double missing = 1.0 - (double) count.decodedBlocks / count.expectedBlocks;
        if (missing <= 0) {
            return Optional.empty(); // only the end marker is missing: every pixel is there
        }
        long percent = Math.round(missing * 100);
        return Optional.of(percent < 1 ? "truncated: less than 1 % of the image data missing"
                : String.format(Locale.ROOT, "truncated: %d %% of the image data missing", percent));
    }

    private record Component(int id, int h, int v) {
    }

    private static final class Frame {
        int width;
        int height;
        boolean progressive;
        int marker;
        Component[] components;
        int hMax = 1;
        int vMax = 1;

        boolean baselineHuffman() {
            return marker == 0xC0 || marker == 0xC1;
        }

        int mcusX() {
            return ceilDiv(width, 8 * hMax);
        }

        int mcusY() {
            return ceilDiv(height, 8 * vMax);
        }

        long blocks(Component c) {
            return (long) ceilDiv(ceilDiv(width * c.h, hMax), 8) * ceilDiv(ceilDiv(height * c.v, vMax), 8);
        }
    }

    /**
     * One pass over the segments. With {@code count}, baseline scans are Huffman-decoded (no IDCT)
     * to count the 8×8 blocks whose data is present; otherwise entropy data is only skipped.
     */
    private static final class Walk {
        private final Bytes in;
        private final boolean count;
        Frame frame;
        long decodedBlocks;
        long expectedBlocks;
        private final Huffman[] dc = new Huffman[4];
        private final Huffman[] ac = new Huffman[4];
        private final Set<Integer> scanned = new HashSet<>();
        private int restartInterval;

        Walk(Bytes in, boolean count) {
            this.in = in;
            this.count = count;
        }

        /** True when the end-of-image marker was reached; stops after the frame header with {@code headerOnly}. */
        boolean run(boolean headerOnly) throws IOException {
            if (!in.startsWithSoi()) {
                return false;
            }
            in.position(2);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return finishTruncated();
                }
                if (b != 0xFF) {
                    continue; // stray bytes between segments: decoders skip them too
                }
                int m = in.read();
                while (m == 0xFF) {
                    m = in.read();
                }
                if (m < 0) {
                    return finishTruncated();
                }
                if (m == 0xD9) {
                    return true;
                }
                if (m == 0x00 || m == 0x01 || m == 0xD8 || (m >= 0xD0 && m <= 0xD7)) {
                    continue;
                }
                int length = in.u16();
                if (length < 2) {
                    return finishTruncated();
                }
                long end = in.position() + length - 2;
                if (isFrame(m)) {
                    frame = readFrame(m);
                    if (frame == null || headerOnly) {
                        return false;
                    }
                } else if (m == 0xC4 && count) {
                    readHuffmanTables(end);
                } else if (m == 0xDD) {
                    restartInterval = in.u16();
                } else if (m == 0xDA) {
                    if (frame == null) {
                        return false;
                    }
                    int[][] scan = readScan();
                    in.position(end);
                    if (count && scan != null && countScan(scan)) {
                        continue;
                    }
                    if (!in.skipEntropyData()) {
                        return finishTruncated();
                    }
                    continue;
                }
                in.position(end);
            }
        }

        private static boolean isFrame(int m) {
            return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
        }

        private Frame readFrame(int marker) throws IOException {
            Frame f = new Frame();
            f.marker = marker;
            f.progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
            in.read(); // sample precision
            f.height = in.u16();
            f.width = in.u16();
            int n = in.read();
            if (n <= 0 || f.width <= 0) {
                return null;
            }
            f.components = new Component[n];
            for (int i = 0; i < n; i++) {
                int id = in.read();
                int hv = in.read();
                in.read(); // quantisation table
                f.components[i] = new Component(id, Math.max(1, hv >> 4), Math.max(1, hv & 15));
                f.hMax = Math.max(f.hMax, f.components[i].h);
                f.vMax = Math.max(f.vMax, f.components[i].v);
            }
            return f;
        }

        private void readHuffmanTables(long end) throws IOException {
            while (in.position() < end) {
                int tcTh = in.read();
                if (tcTh < 0) {
                    return;
                }
                int[] counts = new int[17];
                int total = 0;
                for (int l = 1; l <= 16; l++) {
                    counts[l] = in.read();
                    total += Math.max(0, counts[l]);
                }
                int[] symbols = new int[total];
                for (int i = 0; i < total; i++) {
                    symbols[i] = in.read();
                }
                (tcTh >> 4 == 0 ? dc : ac)[tcTh & 3] = new Huffman(counts, symbols);
            }
        }

        /** Rows of {component index, DC table, AC table}; null for a scan this walk cannot follow. */
        private int[][] readScan() throws IOException {
            int n = in.read();
            if (n <= 0) {
                return null;
            }
            int[][] scan = new int[n][];
            for (int i = 0; i < n; i++) {
                int id = in.read();
                int tables = in.read();
                int index = -1;
                for (int c = 0; c < frame.components.length; c++) {
                    if (frame.components[c].id == id) {
                        index = c;
                    }
                }
                if (index < 0) {
                    return null;
                }
                scan[i] = new int[]{index, tables >> 4 & 3, tables & 3};
            }
            return scan;
        }

        /** Decodes one baseline scan's codes; true when it ended at a marker, false when the data ran out. */
        private boolean countScan(int[][] scan) throws IOException {
            boolean interleaved = scan.length > 1;
            long units;
            int blocksPerUnit = 0;
            if (interleaved) {
                units = (long) frame.mcusX() * frame.mcusY();
                for (int[] s : scan) {
                    Component c = frame.components[s[0]];
                    blocksPerUnit += c.h * c.v;
                }
            } else {
                units = frame.blocks(frame.components[scan[0][0]]);
                blocksPerUnit = 1;
            }
            for (int[] s : scan) {
                scanned.add(s[0]);
            }
            expectedBlocks += units * blocksPerUnit;
            BitReader bits = new BitReader(in);
            for (long u = 0; u < units; u++) {
                if (restartInterval > 0 && u > 0 && u % restartInterval == 0 && !bits.restart()) {
                    return false;
                }
                for (int[] s : scan) {
                    Component c = frame.components[s[0]];
                    int blocks = interleaved ? c.h * c.v : 1;
                    for (int k = 0; k < blocks; k++) {
                        if (!block(bits, dc[s[1]], ac[s[2]])) {
                            return bits.atMarker() && in.skipEntropyData();
                        }
                    }
                }
                decodedBlocks += blocksPerUnit;
            }
            return in.skipEntropyData();
        }

        private static boolean block(BitReader bits, Huffman dcTable, Huffman acTable) throws IOException {
            if (dcTable == null || acTable == null) {
                return false;
            }
            int s = dcTable.decode(bits);
            if (s < 0 || !bits.skip(s)) {
                return false;
            }
            for (int k = 1; k < 64; k++) {
                int rs = acTable.decode(bits);
                if (rs < 0) {
                    return false;
                }
                int run = rs >> 4;
                int size = rs & 15;
                if (size == 0) {
                    if (run != 15) {
                        return true; // end of block
                    }
                    k += 15;
                } else {
                    k += run;
                    if (!bits.skip(size)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** The data ran out: components whose scan never came count as missing. */
        private boolean finishTruncated() {
            if (frame != null && count) {
                for (int c = 0; c < frame.components.length; c++) {
                    if (!scanned.contains(c)) {
                        expectedBlocks += frame.blocks(frame.components[c]);
                    }
                }
            }
            return false;
        }
    }

    /** A canonical Huffman table (JPEG Annex C), decoded a bit at a time: only damaged files are walked. */
    private static final class Huffman {
        private final int[] maxCode = new int[18];
        private final int[] valueOffset = new int[17];
        private final int[] symbols;

        Huffman(int[] counts, int[] symbols) {
            this.symbols = symbols;
            int code = 0;
            int k = 0;
            for (int l = 1; l <= 16; l++) {
                valueOffset[l] = k - code;
                code += counts[l];
                k += counts[l];
                maxCode[l] = counts[l] > 0 ? code - 1 : -1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }

        int decode(BitReader bits) throws IOException {
            int code = 0;
            for (int l = 1; l <= 16; l++) {
                int bit = bits.bit();
                if (bit < 0) {
                    return -1;
                }
                code = code << 1 | bit;
                if (code <= maxCode[l]) {
                    int index = code + valueOffset[l];
                    return index >= 0 && index < symbols.length ? symbols[index] : -1;
                }
            }
            return -1; // no such code: corrupt data
        }
    }

    /** Bits of entropy-coded data: stuffed zero bytes removed, stops at a marker or the end of the file. */
    private static final class BitReader {
        private final Bytes in;
        private int current;
        private int left;
        private boolean marker;

        BitReader(Bytes in) {
            this.in = in;
        }

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

    /** Reads at a position of the file, through the same buffered stream the decoder uses. */
    private static final class Bytes {
        private final ImageInputStream in;

        Bytes(SeekableByteChannel channel) {
            this.in = new ChannelImageInputStream(channel);
        }

        Bytes rewind() throws IOException {
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

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
