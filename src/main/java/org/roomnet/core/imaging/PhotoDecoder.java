package org.roomnet.core.imaging;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

/**
 * Decodes a photo at reduced size, upright. Colour JPEGs go through {@link FastJpegDecoder} (libjpeg-turbo,
 * scaled in the DCT domain); every other file, and any JPEG it declines, through ImageIO, which asks the
 * reader for every n-th pixel (n chosen so the short side stays at least {@code minShortSide}): a 24 MP
 * photo decoded in full would take ~100 MB. The size checks ({@link PhotoLimits}) come before either
 * decoder, and problems are always reported by the ImageIO path.
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

    /**
     * {@link #decode}, and whether the file is damaged: see {@link DecodedPhoto}. A cut JPEG is told by its
     * bytes ({@link JpegIntegrity}: "truncated: …"); one whose image data is corrupt inside (a cut file with an
     * end marker appended, a zeroed stretch) decodes with a grey or garbled part, and only the decoder's
     * warning tells: "corrupt JPEG data: premature end of data segment".
     */
    public static DecodedPhoto decodeChecked(Path file, int minShortSide) throws UnreadablePhotoException {
        Stored stored = decodeStored(file, minShortSide, true, true);
        BufferedImage image = Orientation.of(file).apply(stored.image());
        try (SeekableByteChannel channel = open(file)) {
            Optional<String> truncated = JpegIntegrity.damage(channel);
            return new DecodedPhoto(image, truncated.orElse(stored.corruption()));
        } catch (IOException e) {
            throw new UnreadablePhotoException("cannot read file: " + e.getMessage(), e);
        }
    }

    /**
     * Whether colour JPEGs are reduced by averaging (libjpeg-turbo's DCT scaling) rather than by ImageIO's
     * keeping every n-th pixel, which aliases: a caller that scales further can then ask for its target size.
     */
    public static boolean reducesJpegByAveraging() {
        return FastJpegDecoder.available();
    }

    /** Which decoder colour JPEGs go through, for the record in benchmarks and logs. */
    public static String jpegDecoderInUse() {
        return FastJpegDecoder.available() ? "libjpeg-turbo with DCT scaling"
                : "ImageIO (" + JpegNatives.problem() + ")";
    }

    /** The size a file's header declares (as stored, not turned), and whether it is a JPEG. */
    public record DeclaredSize(int width, int height, boolean jpeg) {
        public long pixels() {
            return (long) width * height;
        }
    }

    /**
     * The size a file declares, read from its header without decoding (a JPEG's frame header; for other
     * formats the ImageIO reader's header): for planning memory before a decode. Empty when unreadable.
     */
    public static Optional<DeclaredSize> declaredSize(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            Optional<JpegIntegrity.Header> jpeg = JpegIntegrity.header(channel);
            if (jpeg.isPresent()) {
                return Optional.of(new DeclaredSize(jpeg.get().width(), jpeg.get().height(), true));
            }
            channel.position(0);
            try (ImageInputStream in = new ChannelImageInputStream(channel)) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    return Optional.empty();
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, true, true);
                    return Optional.of(new DeclaredSize(reader.getWidth(0), reader.getHeight(0), false));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Decodes at full size, upright: for the preview. */
    public static BufferedImage decodeFull(Path file) throws UnreadablePhotoException {
        return decode(file, Integer.MAX_VALUE);
    }

    /**
     * The file is opened from its {@code Path} (not a {@code java.io.File}, which cannot name every file)
     * and its declared size checked against {@link PhotoLimits} before the decoder allocates anything.
     */
    static BufferedImage decodeStored(Path file, int minShortSide) throws UnreadablePhotoException {
        return decodeStored(file, minShortSide, true, false).image();
    }

    /** The ImageIO path alone, as for every file the fast path declines (tests compare the two). */
    static BufferedImage decodeWithImageIo(Path file, int minShortSide) throws UnreadablePhotoException {
        return decodeStored(file, minShortSide, false, false).image();
    }

    /** A decoded picture as stored, and the decoder's complaint about corrupt JPEG data (null when none). */
    private record Stored(BufferedImage image, String corruption) {
    }

    private static Stored decodeStored(Path file, int minShortSide, boolean fastJpeg, boolean listen)
            throws UnreadablePhotoException {
        try (SeekableByteChannel channel = open(file); ImageInputStream in = new ChannelImageInputStream(channel)) {
            if (channel.size() == 0) {
                throw new UnreadablePhotoException("empty file (0 bytes)");
            }
            Optional<JpegIntegrity.Header> jpeg = JpegIntegrity.header(channel);
            boolean progressive = jpeg.map(JpegIntegrity.Header::progressive).orElse(false);
            if (jpeg.isPresent()) {
                PhotoLimits.check(jpeg.get().width(), jpeg.get().height(), progressive);
                // The seam: colour JPEGs that libjpeg-turbo decodes cleanly stop here; the rest go on to ImageIO,
                // which alone reports problems, so every file is reported the same whichever decoder saw it.
                Optional<BufferedImage> fast = fastJpeg ? FastJpegDecoder.decode(channel, minShortSide) : Optional.empty();
                if (fast.isPresent()) {
                    return new Stored(fast.get(), null);
                }
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadablePhotoException("not a supported image format");
            }
            ImageReader reader = readers.next();
            DecoderWarnings warnings = new DecoderWarnings();
            try {
                if (listen && jpeg.isPresent()) {
                    reader.addIIOReadWarningListener(warnings);
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                PhotoLimits.check(width, height, progressive);
                int step = subsampling(width, height, minShortSide);
                ImageReadParam param = reader.getDefaultReadParam();
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new UnreadablePhotoException("the image holds no picture");
                }
                return new Stored(image, warnings.corruption().orElse(null));
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

    private static SeekableByteChannel open(Path file) throws UnreadablePhotoException {
        try {
            return Files.newByteChannel(file);
        } catch (AccessDeniedException e) {
            throw new UnreadablePhotoException("permission denied: the file cannot be read", e);
        } catch (NoSuchFileException e) {
            throw new UnreadablePhotoException("file not found (moved or deleted?)", e);
        } catch (IOException e) {
            throw new UnreadablePhotoException("cannot read file: " + e.getMessage(), e);
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
