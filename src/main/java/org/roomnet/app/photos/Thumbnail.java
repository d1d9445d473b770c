package org.roomnet.app.photos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.scene.image.Image;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A photo's thumbnail kept as a small JPEG (about 25 KB at 400 px), not as pixels (about 500 KB):
 * 2,000 of them fit in 60 MB. Cells decode it at the size they show ({@link #image}), so the pixels
 * in memory grow with the screen, not with the shoot. Immutable; made on any thread.
 */
public final class Thumbnail {

    private static final float QUALITY = 0.85f;

    private final byte[] jpeg;
    private final int width;
    private final int height;

    private Thumbnail(byte[] jpeg, int width, int height) {
        this.jpeg = jpeg;
        this.width = width;
        this.height = height;
    }

    /** Compresses {@code image} (already scaled to thumbnail size). */
    public static Thumbnail of(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress a thumbnail", e);
        } finally {
            writer.dispose();
        }
        return new Thumbnail(bytes.toByteArray(), image.getWidth(), image.getHeight());
    }

    /** Pixels fitting a {@code maxSide} square (never larger than stored). */
    public Image image(double maxSide) {
        double side = Math.min(maxSide, Math.max(width, height));
        return new Image(new ByteArrayInputStream(jpeg), side, side, true, true);
    }

    /** The stored pixels, at full thumbnail size. */
    public Image image() {
        return new Image(new ByteArrayInputStream(jpeg));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Bytes held. */
    public int size() {
        return jpeg.length;
    }
}
