package org.roomnet.core.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The ICC profile a PNG embeds (its iCCP chunk, zlib-compressed), read from the chunks before the image data.
 * Java's PNG reader ignores it and returns the numbers as stored; PIL, in training, converts them.
 */
final class PngColourProfile {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** No real profile is larger; a bigger one is taken for damage, not inflated into memory. */
    private static final int MAX_PROFILE = 16 << 20;

    private PngColourProfile() {}

    static boolean isPng(ByteBuffer head) {
        if (head.limit() < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head.get(i) != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The profile's bytes; empty when the file has none (or is no PNG). A chunk that cannot be inflated gives
     * bytes that make no profile (the caller then warns and assumes sRGB).
     */
    static Optional<byte[]> read(ByteBuffer png) {
        ByteBuffer b = png.duplicate();
        if (!isPng(b)) {
            return Optional.empty();
        }
        int at = SIGNATURE.length;
        while (at + 8 <= b.limit()) {
            long length = Integer.toUnsignedLong(b.getInt(at));
            String type = new String(
                    new byte[] {b.get(at + 4), b.get(at + 5), b.get(at + 6), b.get(at + 7)},
                    StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT") || type.equals("IEND")) {
                return Optional.empty(); // iCCP must come before the image data
            }
            if (at + 8 + length > b.limit()) {
                return Optional.empty(); // a cut file: the decoder says so
            }
            if (type.equals("iCCP")) {
                byte[] data = new byte[(int) length];
                b.get(at + 8, data);
                return Optional.of(inflate(data));
            }
            at += (int) (12 + length);
        }
        return Optional.empty();
    }

    /** iCCP: a name (1-79 bytes), a zero, the compression method (0: zlib), the compressed profile. */
    private static byte[] inflate(byte[] chunk) {
        int zero = 0;
        while (zero < chunk.length && chunk[zero] != 0) {
            zero++;
        }
        if (zero + 2 > chunk.length || chunk[zero + 1] != 0) {
            return new byte[0];
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(chunk, zero + 2, chunk.length - zero - 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length * 2);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return new byte[0];
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PROFILE) {
                    return new byte[0];
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return new byte[0];
        } finally {
            inflater.end();
        }
    }
}
