package org.roomnet.core.imaging;

import java.awt.Transparency;
import java.awt.color.CMMException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a decoded picture to 8-bit sRGB, the one colour space the model, the thumbnails and the listing
 * export see, as PIL does in training ({@code presets.load_rgb}):
 * <ul>
 * <li>grey is copied into R, G and B unchanged. Java's own grey colour space is linear, so drawing or
 * {@code getRGB} of a grey image would brighten its mid-tones (88 becomes 159);</li>
 * <li>a picture in another colour space (an embedded ICC profile: Adobe RGB, Display P3, ...) is converted
 * by Java's colour-management engine (LittleCMS, through {@link ColorConvertOp});</li>
 * <li>transparency (a PNG's alpha or transparent palette entry, a WebP's alpha) is flattened on white;</li>
 * <li>a picture already in sRGB is returned as it is.</li>
 * </ul>
 */
public final class SrgbPixels {

    private static final ColorSpace SRGB = ColorSpace.getInstance(ColorSpace.CS_sRGB);
    /** Transforms are costly to build (~ms) and cached by ColorConvertOp: keep one per recent profile. */
    private static final int CACHED_PROFILES = 8;

    private static final Map<String, ColorConvertOp> OPS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ColorConvertOp> eldest) {
            return size() > CACHED_PROFILES;
        }
    };

    /** The warning of a photo whose embedded profile cannot be read or used: its numbers are taken for sRGB. */
    public static final String PROFILE_UNREADABLE = "colour profile unreadable, assumed sRGB";

    private SrgbPixels() {}

    /** A picture in sRGB, and {@link #PROFILE_UNREADABLE} when its profile had to be ignored (else null). */
    public record Converted(BufferedImage image, String warning) {}

    /** The picture in sRGB: grey copied to R = G = B, another colour space converted; sRGB as it is. */
    public static BufferedImage of(BufferedImage image) {
        if (image.getColorModel().hasAlpha()) {
            return onWhite(image);
        }
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.getType() == ColorSpace.TYPE_GRAY) {
            return greyToRgb(image.getRaster());
        }
        if (space.isCS_sRGB() || space.getType() != ColorSpace.TYPE_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(space, SRGB, null).filter(image, out);
        return out;
    }

    /** A picture with transparency, composited on white (grey copied to R = G = B, colour through sRGB). */
    private static BufferedImage onWhite(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        Raster raster = image.getRaster();
        Raster alpha = image.getAlphaRaster();
        int greyShift = grey ? Math.max(0, raster.getSampleModel().getSampleSize(0) - 8) : 0;
        int alphaShift = alpha == null ? 0 : Math.max(0, alpha.getSampleModel().getSampleSize(0) - 8);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a;
                int rgb;
                if (grey && alpha != null) {
                    int v = raster.getSample(x, y, 0) >> greyShift;
                    a = alpha.getSample(x, y, 0) >> alphaShift;
                    rgb = v << 16 | v << 8 | v;
                } else {
                    int argb = image.getRGB(x, y); // a palette or an RGB picture: sRGB, not premultiplied
                    a = argb >>> 24;
                    rgb = argb & 0xFFFFFF;
                }
                out.setRGB(
                        x,
                        y,
                        blendOnWhite(rgb >> 16 & 0xFF, a) << 16
                                | blendOnWhite(rgb >> 8 & 0xFF, a) << 8
                                | blendOnWhite(rgb & 0xFF, a));
            }
        }
        return out;
    }

    private static int blendOnWhite(int channel, int alpha) {
        return (channel * alpha + 255 * (255 - alpha) + 127) / 255;
    }

    /**
     * {@link #fromProfile(BufferedImage, byte[])} for an embedded profile, if any; one that cannot be read or used
     * leaves the numbers as they are (taken for sRGB) and the result says so: never a failed photo.
     */
    public static Converted fromProfile(BufferedImage rgb, Optional<byte[]> iccProfile) {
        if (iccProfile.isEmpty()) {
            return new Converted(rgb, null);
        }
        try {
            return new Converted(fromProfile(rgb, iccProfile.get()), null);
        } catch (IllegalArgumentException e) {
            return new Converted(rgb, PROFILE_UNREADABLE);
        }
    }

    /** Whether Java can read {@code iccProfile} as a profile at all (not whether it can convert with it). */
    public static boolean isReadable(byte[] iccProfile) {
        try {
            ICC_Profile.getInstance(iccProfile);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * An 8-bit RGB picture whose numbers are in the colour space of {@code iccProfile} (a JPEG's embedded
     * profile, the decoder having left the numbers as stored), converted to sRGB. Returns the picture unchanged
     * when the profile is Java's own sRGB or is not an RGB profile.
     *
     * @throws IllegalArgumentException the profile cannot be read or used (the caller assumes sRGB)
     */
    public static BufferedImage fromProfile(BufferedImage rgb, byte[] iccProfile) {
        ICC_Profile profile;
        try {
            profile = ICC_Profile.getInstance(iccProfile);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable colour profile: " + e.getMessage(), e);
        }
        if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB
                || profile.getNumComponents() != 3
                || profile.getProfileClass() == ICC_Profile.CLASS_ABSTRACT) {
            return rgb;
        }
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        WritableRaster source = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 3, null);
        byte[] bytes = ((DataBufferByte) source.getDataBuffer()).getData();
        int[] pixels = intRgb(rgb);
        for (int i = 0, j = 0; i < pixels.length; i++) {
            int p = pixels[i];
            bytes[j++] = (byte) (p >> 16);
            bytes[j++] = (byte) (p >> 8);
            bytes[j++] = (byte) p;
        }
        try {
            ICC_ColorSpace space = new ICC_ColorSpace(profile);
            BufferedImage in = new BufferedImage(
                    new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE),
                    source,
                    false,
                    null);
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            ColorConvertOp op = op(iccProfile, space);
            synchronized (op) { // an op caches its transform in fields: one image at a time
                op.filter(in, out);
            }
            return out;
        } catch (CMMException | IllegalArgumentException e) {
            throw new IllegalArgumentException("colour profile not usable: " + e.getMessage(), e);
        }
    }

    private static ColorConvertOp op(byte[] iccProfile, ICC_ColorSpace space) {
        String key = Arrays.hashCode(iccProfile) + ":" + iccProfile.length;
        synchronized (OPS) {
            return OPS.computeIfAbsent(key, k -> new ColorConvertOp(space, SRGB, null));
        }
    }

    private static int[] intRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getDataBuffer() instanceof DataBufferInt b
                && b.getNumBanks() == 1
                && b.getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0
                && b.getData().length == image.getWidth() * image.getHeight()) {
            return b.getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Band 0 (grey; a second band is alpha and dropped) into R, G and B; 16-bit samples keep their high byte. */
    private static BufferedImage greyToRgb(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int shift = Math.max(0, raster.getSampleModel().getSampleSize(0) - 8);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        int minX = raster.getMinX();
        int minY = raster.getMinY();
        for (int y = 0; y < h; y++) {
            raster.getSamples(minX, minY + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                int v = Math.min(255, row[x] >> shift);
                rgb[y * w + x] = v << 16 | v << 8 | v;
            }
        }
        return out;
    }
}
