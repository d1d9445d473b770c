package org.roomnet.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Draws the reference pictures of training/roomnet_training/export_onnx.py ({@code reference_pixels}) with
 * the same integer arithmetic, so the pictures behind {@link ReferenceScores} are generated, not committed.
 * Writes each as PNG and as JPEG quality 0.9: ImageIO's encoder then yields the same decoded pixels as the
 * PIL quality-90 JPEG that Python scored. Also, as Python does: the red channel as a grey JPEG ("_grey") and
 * the picture's numbers tagged as Adobe RGB ("_adobe") and Display P3 ("_p3") with {@link IccProfiles}, as JPEGs
 * and as PNGs (iCCP), and a 16-bit grey PNG ("_grey16": red as the high byte, green as the low).
 */
public final class ReferencePictures {

    private static final int[][] SIZES = {{320, 240}, {240, 320}, {224, 224}, {150, 100}, {500, 377}, {97, 161}};

    private ReferencePictures() {}

    /** Writes every picture under the names the reference scores use ("reference_0_320x240.png", ".jpg"). */
    public static Path writeAll(Path dir) throws IOException {
        for (int i = 0; i < SIZES.length; i++) {
            BufferedImage image = draw(i, SIZES[i][0], SIZES[i][1]);
            String name = "reference_" + i + "_" + SIZES[i][0] + "x" + SIZES[i][1];
            if (!ImageIO.write(image, "png", dir.resolve(name + ".png").toFile())) {
                throw new IOException("no PNG writer");
            }
            writeJpeg(image, dir.resolve(name + ".jpg"));
            BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    grey.getRaster().setSample(x, y, 0, (image.getRGB(x, y) >> 16) & 0xFF);
                }
            }
            writeJpeg(grey, dir.resolve(name + "_grey.jpg"));
            byte[] plain = Files.readAllBytes(dir.resolve(name + ".jpg"));
            Files.write(dir.resolve(name + "_adobe.jpg"), ColourPhotos.withIccProfile(plain, IccProfiles.adobeRgb()));
            Files.write(dir.resolve(name + "_p3.jpg"), ColourPhotos.withIccProfile(plain, IccProfiles.displayP3()));
            Files.write(dir.resolve(name + "_adobe.png"), ColourPhotos.taggedPng(image, IccProfiles.adobeRgb()));
            Files.write(dir.resolve(name + "_p3.png"), ColourPhotos.taggedPng(image, IccProfiles.displayP3()));
            if (!ImageIO.write(
                    grey16(image), "png", dir.resolve(name + "_grey16.png").toFile())) {
                throw new IOException("no PNG writer");
            }
        }
        return dir;
    }

    /** 16-bit grey: the red channel as the high byte, the green as the low byte. */
    private static BufferedImage grey16(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                grey.getRaster().setSample(x, y, 0, (rgb >> 16 & 0xFF) << 8 | (rgb >> 8 & 0xFF));
            }
        }
        return grey;
    }

    static BufferedImage draw(int index, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                long[] base = {
                    triangle(x, index + 2, width),
                    triangle(y, index + 3, height),
                    (long) x * y * 255 / ((long) width * height)
                };
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    long value = Math.max(0, Math.min(255, base[c] + noise(index, x, y, c)));
                    rgb = (rgb << 8) | (int) value;
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static long triangle(long v, int cycles, int period) {
        long t = (v * cycles * 510 / period) % 510;
        return t < 256 ? t : 509 - t;
    }

    private static long noise(int index, long x, long y, int channel) {
        long h = ((x * 73856093L) ^ (y * 19349663L) ^ ((channel + 1) * 83492791L) ^ ((index + 1) * 2654435761L))
                & 0xFFFFFFFFL;
        h ^= h >>> 13;
        h = (h * 0x5BD1E995L) & 0xFFFFFFFFL;
        h ^= h >>> 15;
        return h % 61 - 30;
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
