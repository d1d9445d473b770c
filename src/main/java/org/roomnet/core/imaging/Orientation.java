package org.roomnet.core.imaging;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** EXIF orientation (1-8): how the stored pixels must be turned to show the photo upright. */
public enum Orientation {
    NORMAL(1),
    FLIP_HORIZONTAL(2),
    ROTATE_180(3),
    FLIP_VERTICAL(4),
    TRANSPOSE(5),
    ROTATE_90_CW(6),
    TRANSVERSE(7),
    ROTATE_270_CW(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    public int exifValue() {
        return exifValue;
    }

    public static Orientation fromExif(int value) {
        for (Orientation o : values()) {
            if (o.exifValue == value) {
                return o;
            }
        }
        return NORMAL;
    }

    /** Reads the orientation tag; a file without one, or with unreadable metadata, is upright. */
    public static Orientation of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        } catch (IOException e) {
            return NORMAL;
        }
    }

    /** {@link #of(Path)} of bytes already read ({@link PhotoBytes}); the caller closes the stream. */
    static Orientation of(InputStream in) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return fromExif(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
            }
        } catch (IOException
                | RuntimeException
                | com.drew.imaging.ImageProcessingException
                | com.drew.metadata.MetadataException e) {
            // Metadata is optional: decoding decides whether the photo itself is readable.
        }
        return NORMAL;
    }

    public boolean swapsSides() {
        return this == TRANSPOSE || this == ROTATE_90_CW || this == TRANSVERSE || this == ROTATE_270_CW;
    }

    /** Returns the upright image (the same instance when nothing needs turning). */
    public BufferedImage apply(BufferedImage image) {
        if (this == NORMAL) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (this) {
            case FLIP_HORIZONTAL -> {
                t.translate(w, 0);
                t.scale(-1, 1);
            }
            case ROTATE_180 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            }
            case FLIP_VERTICAL -> {
                t.translate(0, h);
                t.scale(1, -1);
            }
            case TRANSPOSE -> {
                t.rotate(-Math.PI / 2);
                t.scale(-1, 1);
            }
            case ROTATE_90_CW -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
            }
            case TRANSVERSE -> {
                t.scale(-1, 1);
                t.translate(-h, 0);
                t.translate(0, w);
                t.rotate(3 * Math.PI / 2);
            }
            case ROTATE_270_CW -> {
                t.translate(0, w);
                t.rotate(3 * Math.PI / 2);
            }
            default -> {}
        }
        int outW = swapsSides() ? h : w;
        int outH = swapsSides() ? w : h;
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
