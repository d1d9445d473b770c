package org.roomnet.core.imaging.jpeg;

import java.io.IOException;

/** A canonical Huffman table (JPEG Annex C), decoded a bit at a time: only damaged files are walked. */
final class HuffmanTable {
    private final int[] maxCode = new int[18];
    private final int[] valueOffset = new int[17];
    private final int[] symbols;

    private HuffmanTable(int[] counts, int[] symbols) {
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

    /** Reads one table of a DHT segment, after its class-and-slot byte: 16 code counts, then the symbols. */
    static HuffmanTable read(JpegBytes in) throws IOException {
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
        return new HuffmanTable(counts, symbols);
    }

    /** The next symbol, or -1 when the data ends or holds no such code. */
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
