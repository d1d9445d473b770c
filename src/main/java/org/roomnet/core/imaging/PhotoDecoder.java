package org.roomnet.core.imaging;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

/**
 * Decodes a photo at reduced size, upright. Colour JPEGs go through {@link FastJpegDecoder} (libjpeg-turbo,
 * scaled in the DCT domain); every other file, and any JPEG it declines, through ImageIO, which asks the
 * reader for every n-th pixel (n chosen so the short side stays at least {@code minShortSide}): a 24 MP
 * photo decoded in full would take ~100 MB. Problems are always reported by the ImageIO path.
 */
public final class PhotoDecoder {

    static {
        ImageIO.setUseCache(false); // no temp files; photos are read from disk anyway
        ImageIO.scanForPlugins();
    }

    private PhotoDecoder() {
    }

    /** Decodes with the short side at least {@code minShortSide} (when the photo is that large). */
    public static BufferedImage decode(Path file, int minShortSide) throws UnreadablePhotoException {
        BufferedImage stored = decodeStored(file, minShortSide);
        return Orientation.of(file).apply(stored);
    }

    /** Which decoder colour JPEGs go through, for the record in benchmarks and logs. */
    public static String jpegDecoderInUse() {
        return FastJpegDecoder.available() ? "libjpeg-turbo with DCT scaling"
                : "ImageIO (" + JpegNatives.problem() + ")";
    }

    /** Decodes at full size, upright: for the preview. */
    public static BufferedImage decodeFull(Path file) throws UnreadablePhotoException {
        return decode(file, Integer.MAX_VALUE);
    }

    static BufferedImage decodeStored(Path file, int minShortSide) throws UnreadablePhotoException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnreadablePhotoException("cannot read file: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new UnreadablePhotoException("empty file (0 bytes)");
        }
        Optional<BufferedImage> fast = FastJpegDecoder.decode(file, minShortSide);
        return fast.isPresent() ? fast.get() : decodeWithImageIo(file, minShortSide);
    }

    /** The fallback for every format, and the one place that says why a file cannot be read. */
    static BufferedImage decodeWithImageIo(Path file, int minShortSide) throws UnreadablePhotoException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new UnreadablePhotoException("cannot open file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadablePhotoException("not a supported image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                int step = subsampling(width, height, minShortSide);
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new UnreadablePhotoException("the image holds no picture");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (UnreadablePhotoException e) {
            throw e;
        } catch (IIOException e) {
            throw new UnreadablePhotoException("corrupt or unsupported image: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePhotoException("corrupt image: " + e, e);
        }
    }

    /** The largest integer step that keeps the short side at least {@code minShortSide}. */
    static int subsampling(int width, int height, int minShortSide) {
        int shortSide = Math.min(width, height);
        if (minShortSide <= 0 || minShortSide == Integer.MAX_VALUE) {
            return 1;
        }
        return Math.max(1, shortSide / minShortSide);
    }
}
