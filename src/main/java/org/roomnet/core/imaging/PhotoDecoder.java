package org.roomnet.core.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a photo at reduced size, upright. Colour JPEGs go through {@link FastJpegDecoder} (libjpeg-turbo,
 * scaled in the DCT domain); every other file, and any JPEG it declines, through ImageIO, which asks the
 * reader for every n-th pixel (n chosen so the short side stays at least {@code minShortSide}): a 24 MP
 * photo decoded in full would take ~100 MB. The size checks ({@link PhotoLimits}) come before either
 * decoder, and problems are always reported by the ImageIO path. Every path yields sRGB ({@link SrgbPixels}):
 * grey copied to R = G = B, embedded colour profiles converted. The file is read once ({@link PhotoBytes}).
 * HEIC/HEIF photos (phones) go through libheif ({@link HeifDecoder}), where it is installed.
 */
public final class PhotoDecoder {

    static {
        ImageIO.setUseCache(false); // no temp files; photos are read from disk anyway
        ImageIO.scanForPlugins();
    }

    private PhotoDecoder() {}

    /** Decodes with the short side at least {@code minShortSide} (when the photo is that large). */
    public static BufferedImage decode(Path file, int minShortSide) throws UnreadablePhotoException {
        try (PhotoBytes bytes = PhotoBytes.read(file)) {
            return upright(bytes, decodeStored(bytes, minShortSide, true, false).image());
        }
    }

    /**
     * {@link #decode}, and whether the file is damaged: see {@link DecodedPhoto}. A cut JPEG is told by its
     * bytes ({@link JpegIntegrity}: "truncated: …"); one whose image data is corrupt inside (a cut file with an
     * end marker appended, a zeroed stretch) decodes with a grey or garbled part, and only the decoder's
     * warning tells: "corrupt JPEG data: premature end of data segment". The file is read once; the checks,
     * the orientation and the decoder all read those bytes.
     */
    public static DecodedPhoto decodeChecked(Path file, int minShortSide) throws UnreadablePhotoException {
        try (PhotoBytes bytes = PhotoBytes.read(file);
                SeekableByteChannel channel = bytes.channel()) {
            Stored stored = decodeStored(bytes, minShortSide, true, true);
            BufferedImage image = upright(bytes, stored.image());
            return new DecodedPhoto(image, JpegIntegrity.damage(channel).orElse(stored.corruption()), stored.warning());
        } catch (IOException e) {
            throw new UnreadablePhotoException("cannot read file: " + e.getMessage(), e);
        }
    }

    private static BufferedImage upright(PhotoBytes bytes, BufferedImage stored) {
        try (InputStream in = bytes.stream()) {
            if (isHeif(bytes)) {
                return stored; // libheif has applied the file's own rotation and mirroring
            }
            return Orientation.of(in).apply(stored);
        } catch (IOException e) {
            return stored; // cannot happen for bytes in memory; a file read again that fails now is upright
        }
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
                return Optional.of(
                        new DeclaredSize(jpeg.get().width(), jpeg.get().height(), true));
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

    /**
     * Whether colour JPEGs are reduced by averaging (libjpeg-turbo's DCT scaling) rather than by ImageIO's
     * keeping every n-th pixel, which aliases: a caller that scales further can then ask for its target size.
     */
    public static boolean reducesJpegByAveraging() {
        return FastJpegDecoder.available();
    }

    /** Which decoder colour JPEGs go through, for the record in benchmarks and logs. */
    public static String jpegDecoderInUse() {
        return FastJpegDecoder.available()
                ? "libjpeg-turbo with DCT scaling"
                : "ImageIO (" + JpegNatives.problem() + ")";
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
        try (PhotoBytes bytes = PhotoBytes.read(file)) {
            return decodeStored(bytes, minShortSide, true, false).image();
        }
    }

    /** The ImageIO path alone, as for every file the fast path declines (tests compare the two). */
    static BufferedImage decodeWithImageIo(Path file, int minShortSide) throws UnreadablePhotoException {
        try (PhotoBytes bytes = PhotoBytes.read(file)) {
            return decodeStored(bytes, minShortSide, false, false).image();
        }
    }

    /**
     * A decoded picture as stored, the decoder's complaint about corrupt JPEG data and what the picture may get
     * wrong though the file is whole ({@link SrgbPixels#PROFILE_UNREADABLE}); each null when none.
     */
    private record Stored(BufferedImage image, String corruption, String warning) {

        Stored(SrgbPixels.Converted converted, String corruption) {
            this(converted.image(), corruption, converted.warning());
        }
    }

    /** The picture as stored (not turned), in sRGB ({@link SrgbPixels}); {@code listen}: collect the decoder's warnings. */
    private static Stored decodeStored(PhotoBytes bytes, int minShortSide, boolean fastJpeg, boolean listen)
            throws UnreadablePhotoException {
        try (SeekableByteChannel channel = bytes.channel();
                ImageInputStream in = new ChannelImageInputStream(channel)) {
            if (channel.size() == 0) {
                throw new UnreadablePhotoException("empty file (0 bytes)");
            }
            Optional<JpegIntegrity.Header> jpeg = JpegIntegrity.header(channel);
            boolean progressive = jpeg.map(JpegIntegrity.Header::progressive).orElse(false);
            if (jpeg.isPresent()) {
                PhotoLimits.check(jpeg.get().width(), jpeg.get().height(), progressive);
                // The seam: colour JPEGs that libjpeg-turbo decodes cleanly stop here; the rest go on to ImageIO,
                // which alone reports problems, so every file is reported the same whichever decoder saw it.
                Optional<BufferedImage> fast = !fastJpeg
                        ? Optional.empty()
                        : bytes.nativeBytes() != null
                                ? FastJpegDecoder.decode(bytes.nativeBytes(), minShortSide)
                                : FastJpegDecoder.decode(channel, minShortSide);
                if (fast.isPresent()) {
                    return new Stored(SrgbPixels.fromProfile(fast.get(), JpegColourProfile.read(channel)), null);
                }
            }
            if (isHeif(bytes)) {
                return new Stored(heif(bytes), null);
            }
            // a TIFF's or WebP's profile that Java cannot read: their readers would ignore it or fail on it
            Optional<byte[]> profile =
                    jpeg.isPresent() || !bytes.inMemory() ? Optional.empty() : ContainerProfiles.read(bytes.all());
            if (profile.isPresent() && !SrgbPixels.isReadable(profile.get())) {
                Optional<Stored> hidden = withoutProfile(bytes, minShortSide);
                if (hidden.isPresent()) {
                    return hidden.get();
                }
            }
            try {
                return readWithImageIo(in, bytes, jpeg.isPresent(), listen, progressive, minShortSide, channel);
            } catch (IOException | RuntimeException e) {
                Optional<Stored> hidden = profile.isPresent() ? withoutProfile(bytes, minShortSide) : Optional.empty();
                if (hidden.isEmpty()) {
                    throw e; // not the profile: this failure says what is wrong
                }
                return hidden.get(); // a reader that failed on a profile Java could read but not use
            }
        } catch (UnreadablePhotoException e) {
            throw e;
        } catch (IIOException e) {
            throw new UnreadablePhotoException("corrupt or unsupported image: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePhotoException("corrupt image: " + e, e);
        }
    }

    /** An ImageIO decode of the file as stored; {@code listen}: collect the JPEG decoder's warnings. */
    private static Stored readWithImageIo(
            ImageInputStream in,
            PhotoBytes bytes,
            boolean jpeg,
            boolean listen,
            boolean progressive,
            int minShortSide,
            SeekableByteChannel channel)
            throws IOException, UnreadablePhotoException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new UnreadablePhotoException("not a supported image format");
        }
        ImageReader reader = readers.next();
        DecoderWarnings warnings = new DecoderWarnings();
        try {
            if (listen && jpeg) {
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
            return new Stored(
                    inSrgb(image, bytes, jpeg, channel), warnings.corruption().orElse(null));
        } finally {
            reader.dispose();
        }
    }

    /**
     * A TIFF or WebP whose profile cannot be read or used, decoded with the profile hidden ({@link ContainerProfiles}):
     * taken for sRGB, with the warning. Empty when the profile cannot be hidden or the file still fails without it.
     */
    private static Optional<Stored> withoutProfile(PhotoBytes bytes, int minShortSide) throws UnreadablePhotoException {
        Optional<ByteBuffer> hidden = ContainerProfiles.withoutProfile(bytes.all());
        if (hidden.isEmpty()) {
            return Optional.empty();
        }
        try (SeekableByteChannel channel = new MemoryChannel(hidden.get());
                ImageInputStream in = new ChannelImageInputStream(channel)) {
            Stored stored = readWithImageIo(in, bytes, false, false, false, minShortSide, channel);
            return Optional.of(new Stored(stored.image(), null, SrgbPixels.PROFILE_UNREADABLE));
        } catch (IOException | RuntimeException | UnreadablePhotoException e) {
            return Optional.empty(); // the caller reports the failure of the file as it is
        }
    }

    private static boolean isHeif(PhotoBytes bytes) throws IOException {
        return HeifDecoder.isHeif(bytes.head(64));
    }

    /** A HEIC/HEIF photo, decoded whole by libheif (no reduced-size decoding there), in sRGB. */
    private static SrgbPixels.Converted heif(PhotoBytes bytes) throws UnreadablePhotoException {
        HeifDecoder.Decoded decoded = HeifDecoder.decode(bytes.all(), (w, h) -> PhotoLimits.check(w, h, false));
        return SrgbPixels.fromProfile(decoded.image(), Optional.ofNullable(decoded.iccProfile()));
    }

    /**
     * An ImageIO reader's picture in sRGB. The JPEG reader (TwelveMonkeys), the TIFF and the WebP readers have
     * applied an embedded profile already (a JPEG's that they could not read is only reported here); Java's PNG
     * reader ignores its iCCP chunk, so a colour PNG's profile is applied here, after transparency is flattened
     * (as training does).
     */
    private static SrgbPixels.Converted inSrgb(
            BufferedImage image, PhotoBytes bytes, boolean jpeg, SeekableByteChannel channel)
            throws IOException, UnreadablePhotoException {
        BufferedImage srgb = SrgbPixels.of(image);
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        if (jpeg) {
            Optional<byte[]> profile = JpegColourProfile.read(channel);
            boolean unreadable = !grey && profile.isPresent() && !SrgbPixels.isReadable(profile.get());
            return new SrgbPixels.Converted(srgb, unreadable ? SrgbPixels.PROFILE_UNREADABLE : null);
        }
        if (grey || !PngColourProfile.isPng(bytes.head(8)) || !bytes.inMemory()) {
            return new SrgbPixels.Converted(srgb, null);
        }
        return SrgbPixels.fromProfile(srgb, PngColourProfile.read(bytes.all()));
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
