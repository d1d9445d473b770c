package org.roomnet.core.imaging;

import static org.bytedeco.leptonica.global.leptonica.pixDestroy;
import static org.bytedeco.leptonica.global.leptonica.pixGetData;
import static org.bytedeco.leptonica.global.leptonica.pixGetDepth;
import static org.bytedeco.leptonica.global.leptonica.pixGetHeight;
import static org.bytedeco.leptonica.global.leptonica.pixGetWidth;
import static org.bytedeco.leptonica.global.leptonica.pixGetWpl;
import static org.bytedeco.leptonica.global.leptonica.pixReadMemJpeg;
import static org.bytedeco.leptonica.global.leptonica.readHeaderMemJpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.leptonica.PIX;

/**
 * Decodes colour JPEGs with libjpeg-turbo, scaled in the DCT domain by 1/2, 1/4 or 1/8 so that the short
 * side stays at least the asked minimum: at 1/8 a block's inverse transform is its mean, so a 24 MP photo
 * costs little more than its entropy decoding. It takes only what it decodes cleanly; anything else (not a
 * JPEG, grey or CMYK, damaged or truncated data, a platform without the natives) is declined and left to
 * ImageIO, so problems are reported the same way for every file.
 */
final class FastJpegDecoder {

    /** The largest picture this path allocates (native and heap). */
    static final long MAX_OUTPUT_PIXELS = 50_000_000L;
    /** How far from the end the end-of-image marker may sit (some cameras pad the file). */
    private static final int EOI_SEARCH_BYTES = 1024;
    /**
     * A run of zero bytes this long in the image data sends the file to ImageIO (a zeroed sector, a download
     * that never filled its space). libjpeg decodes such data and warns about it only when it finishes ("N
     * extraneous bytes before marker 0xd9"), after Leptonica has counted the warnings; ImageIO reports every
     * warning. An intact file with such a run (all-zero codes of an optimised table) decodes there just as well.
     */
    static final int ZERO_RUN_BYTES = 512;

    private FastJpegDecoder() {}

    static boolean available() {
        return JpegNatives.available();
    }

    /** {@link #decode(SeekableByteChannel, int)} of a file. */
    static Optional<BufferedImage> decode(Path file, int minShortSide) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            return decode(channel, minShortSide);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The picture as stored (EXIF orientation not applied), read from the start of {@code channel}; empty when
     * the file is not for this path. The caller has checked the declared size ({@link PhotoLimits}).
     */
    static Optional<BufferedImage> decode(SeekableByteChannel channel, int minShortSide) {
        if (!JpegNatives.available()) {
            return Optional.empty();
        }
        try {
            long size = channel.size();
            if (size < 4 || size > Integer.MAX_VALUE || !startsWithSoi(channel.position(0))) {
                return Optional.empty();
            }
            try (BytePointer data = new BytePointer(size)) {
                ByteBuffer buffer = data.asByteBuffer();
                channel.position(0);
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        return Optional.empty();
                    }
                }
                return endsWithEoi(buffer) && !hasZeroRun(buffer, ZERO_RUN_BYTES)
                        ? decode(data, size, minShortSide)
                        : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // ImageIO reads it again and says what is wrong
        }
    }

    /**
     * {@link #decode(SeekableByteChannel, int)} of a file already in native memory ({@link PhotoBytes}):
     * libjpeg-turbo reads it where it is.
     */
    static Optional<BufferedImage> decode(BytePointer file, int minShortSide) {
        if (!JpegNatives.available()) {
            return Optional.empty();
        }
        try {
            ByteBuffer data = file.asByteBuffer();
            long size = data.limit();
            if (size < 4 || data.get(0) != (byte) 0xFF || data.get(1) != (byte) 0xD8 || data.get(2) != (byte) 0xFF) {
                return Optional.empty();
            }
            return endsWithEoi(data) && !hasZeroRun(data, ZERO_RUN_BYTES)
                    ? decode(file, size, minShortSide)
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // ImageIO reads it again and says what is wrong
        }
    }

    private static Optional<BufferedImage> decode(BytePointer data, long size, int minShortSide) {
        try (IntPointer w = new IntPointer(1);
                IntPointer h = new IntPointer(1);
                IntPointer spp = new IntPointer(1);
                IntPointer ycck = new IntPointer(1);
                IntPointer cmyk = new IntPointer(1)) {
            if (readHeaderMemJpeg(data, size, w, h, spp, ycck, cmyk) != 0) {
                return Optional.empty();
            }
            int width = w.get();
            int height = h.get();
            int scale = scaleFor(width, height, minShortSide);
            // Grey and CMYK JPEGs keep ImageIO's colour handling, so a photo's model input never depends on the path.
            if (spp.get() != 3
                    || ycck.get() != 0
                    || cmyk.get() != 0
                    || width <= 0
                    || height <= 0
                    || (long) ceilDiv(width, scale) * ceilDiv(height, scale) > MAX_OUTPUT_PIXELS) {
                return Optional.empty();
            }
            // Leptonica returns a picture even when libjpeg warned about corrupt data (a premature end, bad codes,
            // extraneous bytes: a cut file with an end marker appended, a zeroed stretch); only the count of
            // warnings tells. Such a file is declined, so ImageIO decodes it and says what is wrong.
            try (IntPointer warnings = new IntPointer(1)) {
                warnings.put(0);
                PIX pix = pixReadMemJpeg(data, size, 0, scale, warnings, 0);
                if (pix == null) {
                    return Optional.empty();
                }
                try {
                    return warnings.get() > 0 ? Optional.empty() : Optional.ofNullable(toImage(pix));
                } finally {
                    pixDestroy(pix);
                }
            }
        }
    }

    /** The largest DCT scale denominator (1, 2, 4 or 8) that keeps the short side at least {@code minShortSide}. */
    static int scaleFor(int width, int height, int minShortSide) {
        if (minShortSide <= 0 || minShortSide == Integer.MAX_VALUE) {
            return 1;
        }
        int shortSide = Math.min(width, height);
        for (int denominator = 8; denominator > 1; denominator /= 2) {
            if (ceilDiv(shortSide, denominator) >= minShortSide) {
                return denominator;
            }
        }
        return 1;
    }

    /** Leptonica's 32 bpp words hold R, G, B, A from the high byte down. */
    private static BufferedImage toImage(PIX pix) {
        if (pixGetDepth(pix) != 32) {
            return null;
        }
        int w = pixGetWidth(pix);
        int h = pixGetHeight(pix);
        int wpl = pixGetWpl(pix);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        IntPointer words = pixGetData(pix);
        for (int y = 0; y < h; y++) {
            words.position((long) y * wpl).get(rgb, y * w, w);
        }
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] >>>= 8;
        }
        return image;
    }

    private static boolean startsWithSoi(SeekableByteChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(3);
        while (head.hasRemaining()) {
            if (channel.read(head) < 0) {
                return false;
            }
        }
        return head.get(0) == (byte) 0xFF && head.get(1) == (byte) 0xD8 && head.get(2) == (byte) 0xFF;
    }

    private static boolean endsWithEoi(ByteBuffer data) {
        int end = data.limit();
        for (int i = end - 2; i >= Math.max(0, end - EOI_SEARCH_BYTES); i--) {
            if (data.get(i) == (byte) 0xFF && data.get(i + 1) == (byte) 0xD9) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the image data (from the first start-of-scan marker on) holds {@code run} zero bytes in a row.
     * Only every {@code run / 2}-th byte is read until one is zero: a run that long cannot fall between two.
     */
    static boolean hasZeroRun(ByteBuffer data, int run) {
        int end = data.limit();
        int step = Math.max(1, run / 2);
        for (int i = scanStart(data); i >= 0 && i < end; i += step) {
            if (data.get(i) != 0) {
                continue;
            }
            int from = i;
            while (from > 0 && data.get(from - 1) == 0) {
                from--;
            }
            int to = i;
            while (to + 1 < end && data.get(to + 1) == 0) {
                to++;
            }
            if (to - from + 1 >= run) {
                return true;
            }
            i = to; // the next sample lies past this short run
        }
        return false;
    }

    /** The offset of the first start-of-scan marker, found by the header segments' lengths; -1 when there is none. */
    private static int scanStart(ByteBuffer data) {
        int i = 2;
        while (i + 4 <= data.limit() && (data.get(i) & 0xFF) == 0xFF) {
            int marker = data.get(i + 1) & 0xFF;
            if (marker == 0xFF) {
                i++;
            } else if (marker == 0xDA) {
                return i;
            } else {
                i += 2 + (((data.get(i + 2) & 0xFF) << 8) | (data.get(i + 3) & 0xFF));
            }
        }
        return -1;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
