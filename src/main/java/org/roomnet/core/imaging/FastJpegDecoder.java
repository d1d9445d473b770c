package org.roomnet.core.imaging;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.leptonica.PIX;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.bytedeco.leptonica.global.leptonica.pixDestroy;
import static org.bytedeco.leptonica.global.leptonica.pixGetData;
import static org.bytedeco.leptonica.global.leptonica.pixGetDepth;
import static org.bytedeco.leptonica.global.leptonica.pixGetHeight;
import static org.bytedeco.leptonica.global.leptonica.pixGetWidth;
import static org.bytedeco.leptonica.global.leptonica.pixGetWpl;
import static org.bytedeco.leptonica.global.leptonica.pixReadMemJpeg;
import static org.bytedeco.leptonica.global.leptonica.readHeaderMemJpeg;

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

    private FastJpegDecoder() {
    }

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
                return endsWithEoi(buffer) ? decode(data, size, minShortSide) : Optional.empty();
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
            return endsWithEoi(data) ? decode(file, size, minShortSide) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // ImageIO reads it again and says what is wrong
        }
    }

    private static Optional<BufferedImage> decode(BytePointer data, long size, int minShortSide) {
        try (IntPointer w = new IntPointer(1); IntPointer h = new IntPointer(1); IntPointer spp = new IntPointer(1);
             IntPointer ycck = new IntPointer(1); IntPointer cmyk = new IntPointer(1)) {
            if (readHeaderMemJpeg(data, size, w, h, spp, ycck, cmyk) != 0) {
                return Optional.empty();
            }
            int width = w.get();
            int height = h.get();
            int scale = scaleFor(width, height, minShortSide);
            // Grey and CMYK JPEGs keep ImageIO's colour handling, so a photo's model input never depends on the path.
            if (spp.get() != 3 || ycck.get() != 0 || cmyk.get() != 0 || width <= 0 || height <= 0
                    || (long) ceilDiv(width, scale) * ceilDiv(height, scale) > MAX_OUTPUT_PIXELS) {
                return Optional.empty();
            }
            // Hint 0: Leptonica returns nothing when libjpeg warned about corrupt data (premature end, bad codes).
            PIX pix = pixReadMemJpeg(data, size, 0, scale, (IntPointer) null, 0);
            if (pix == null) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(toImage(pix));
            } finally {
                pixDestroy(pix);
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

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
