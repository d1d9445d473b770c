package org.roomnet.core.imaging.jpeg;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Counts the 8×8 blocks of a baseline file whose data is there, against the blocks its frame declares:
 * each block's codes are Huffman-decoded (no IDCT) only to find where the next block starts.
 */
final class BlockCounter {
    private final JpegBytes in;
    private final HuffmanTable[] dc = new HuffmanTable[4];
    private final HuffmanTable[] ac = new HuffmanTable[4];
    private final Set<Integer> scanned = new HashSet<>();
    private long decodedBlocks;
    private long expectedBlocks;

    BlockCounter(JpegBytes in) {
        this.in = in;
    }

    long decodedBlocks() {
        return decodedBlocks;
    }

    long expectedBlocks() {
        return expectedBlocks;
    }

    /** Reads the tables of a DHT segment that ends at {@code end}. */
    void readHuffmanTables(long end) throws IOException {
        while (in.position() < end) {
            int tcTh = in.read();
            if (tcTh < 0) {
                return;
            }
            (tcTh >> 4 == 0 ? dc : ac)[tcTh & 3] = HuffmanTable.read(in);
        }
    }

    /** Decodes one baseline scan's codes; true when it ended at a marker, false when the data ran out. */
    boolean countScan(Frame frame, List<ScanComponent> scan, int restartInterval) throws IOException {
        boolean interleaved = scan.size() > 1;
        long units;
        int blocksPerUnit = 0;
        if (interleaved) {
            units = (long) frame.mcusX() * frame.mcusY();
            for (ScanComponent s : scan) {
                Frame.Component c = frame.components().get(s.component());
                blocksPerUnit += c.h() * c.v();
            }
        } else {
            units = frame.blocks(frame.components().get(scan.get(0).component()));
            blocksPerUnit = 1;
        }
        for (ScanComponent s : scan) {
            scanned.add(s.component());
        }
        expectedBlocks += units * blocksPerUnit;
        BitReader bits = new BitReader(in);
        for (long u = 0; u < units; u++) {
            if (restartInterval > 0 && u > 0 && u % restartInterval == 0 && !bits.restart()) {
                return false;
            }
            for (ScanComponent s : scan) {
                Frame.Component c = frame.components().get(s.component());
                int blocks = interleaved ? c.h() * c.v() : 1;
                for (int k = 0; k < blocks; k++) {
                    if (!block(bits, dc[s.dcTable()], ac[s.acTable()])) {
                        return bits.atMarker() && in.skipEntropyData();
                    }
                }
            }
            decodedBlocks += blocksPerUnit;
        }
        return in.skipEntropyData();
    }

    /** The data ran out: components whose scan never came count as missing. */
    void countUnscannedComponents(Frame frame) {
        for (int c = 0; c < frame.components().size(); c++) {
            if (!scanned.contains(c)) {
                expectedBlocks += frame.blocks(frame.components().get(c));
            }
        }
    }

    private static boolean block(BitReader bits, HuffmanTable dcTable, HuffmanTable acTable) throws IOException {
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
}
