package org.roomnet.core.imaging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * The ICC profile a TIFF (tag 34675 of its first page) or a WebP (its ICCP chunk) embeds, and a copy of the file
 * with that profile hidden. Their ImageIO readers (TwelveMonkeys) convert a profile they can read; one they cannot
 * read is ignored by the TIFF reader without a word and fails the whole WebP ("Not an ICC profile"). Hidden, the
 * photo decodes as sRGB, and the caller says so, as for a JPEG or PNG.
 */
final class ContainerProfiles {

    private static final int TIFF_ICC_TAG = 34675;
    private static final int WEBP_ICC_FLAG = 0x20;

    private ContainerProfiles() {}

    /** Where a profile lies in the file: its bytes from {@code offset}, {@code length} long; and the file's kind. */
    private record Found(boolean tiff, int entry, int offset, int length) {}

    /** The profile's bytes; empty when the file is no TIFF or WebP, or has none. */
    static Optional<byte[]> read(ByteBuffer file) {
        return find(file).map(f -> {
            byte[] profile = new byte[f.length()];
            file.duplicate().position(f.offset()).get(profile);
            return profile;
        });
    }

    /**
     * A copy of the file with its profile hidden: a TIFF's tag renumbered to one no reader knows (34674, kept in
     * order), a WebP's chunk renamed and its "has a profile" flag cleared. Same length, nothing else touched.
     * Empty when the file has no profile, or it cannot be hidden so.
     */
    static Optional<ByteBuffer> withoutProfile(ByteBuffer file) {
        Optional<Found> found = find(file);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer copy = ByteBuffer.allocate(file.limit());
        copy.put(file.duplicate().position(0)).flip();
        Found f = found.get();
        if (f.tiff()) {
            copy.order(tiffOrder(copy));
            int previous = f.entry() > tiffFirstEntry(copy) ? copy.getShort(f.entry() - 12) & 0xFFFF : 0;
            if (previous >= TIFF_ICC_TAG - 1) {
                return Optional.empty();
            }
            copy.putShort(f.entry(), (short) (TIFF_ICC_TAG - 1));
        } else {
            copy.put(f.entry(), (byte) 'X'); // "ICCP" becomes "XCCP": an unknown chunk, skipped
            if (isChunk(copy, 12, "VP8X")) {
                copy.put(20, (byte) (copy.get(20) & ~WEBP_ICC_FLAG));
            }
        }
        return Optional.of(copy);
    }

    private static Optional<Found> find(ByteBuffer file) {
        try {
            if (file.limit() >= 12 && isChunk(file, 0, "RIFF") && isChunk(file, 8, "WEBP")) {
                return webp(file);
            }
            if (file.limit() >= 8 && tiffOrder(file) != null) {
                return tiff(file);
            }
        } catch (IndexOutOfBoundsException | ArithmeticException e) {
            // a cut or lying header: no profile found, the decoder reports the file
        }
        return Optional.empty();
    }

    private static Optional<Found> webp(ByteBuffer file) {
        ByteBuffer b = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int at = 12;
        while (at + 8 <= b.limit()) {
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            if (at + 8 + size > b.limit()) {
                return Optional.empty();
            }
            if (isChunk(b, at, "ICCP")) {
                return Optional.of(new Found(false, at, at + 8, (int) size));
            }
            at += (int) (8 + size + (size & 1));
        }
        return Optional.empty();
    }

    private static Optional<Found> tiff(ByteBuffer file) {
        ByteBuffer b = file.duplicate().order(tiffOrder(file));
        if ((b.getShort(2) & 0xFFFF) != 42) {
            return Optional.empty(); // BigTIFF (43) or not a TIFF
        }
        int ifd = tiffFirstEntry(b) - 2;
        int count = b.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + 12 * i;
            if ((b.getShort(entry) & 0xFFFF) == TIFF_ICC_TAG) {
                long length = Integer.toUnsignedLong(b.getInt(entry + 4)); // type UNDEFINED: one byte each
                long offset = length <= 4 ? entry + 8 : Integer.toUnsignedLong(b.getInt(entry + 8));
                if (offset + length > b.limit()) {
                    return Optional.empty();
                }
                return Optional.of(new Found(true, entry, (int) offset, (int) length));
            }
        }
        return Optional.empty();
    }

    /** Where the first page's first entry starts (after its 2-byte entry count). */
    private static int tiffFirstEntry(ByteBuffer b) {
        return Math.toIntExact(
                Integer.toUnsignedLong(b.duplicate().order(tiffOrder(b)).getInt(4)) + 2);
    }

    private static ByteOrder tiffOrder(ByteBuffer b) {
        if (b.get(0) == 'I' && b.get(1) == 'I') {
            return ByteOrder.LITTLE_ENDIAN;
        }
        if (b.get(0) == 'M' && b.get(1) == 'M') {
            return ByteOrder.BIG_ENDIAN;
        }
        return null;
    }

    private static boolean isChunk(ByteBuffer b, int at, String name) {
        for (int i = 0; i < 4; i++) {
            if (b.get(at + i) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
