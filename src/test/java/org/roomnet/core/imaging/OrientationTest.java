package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.TestPhotos;

class OrientationTest {

    /** 3 x 2 image with distinct pixel values 0..5, row by row. */
    private static BufferedImage numbered() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                img.setRGB(x, y, y * 3 + x);
            }
        }
        return img;
    }

    private static String pixels(BufferedImage img) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                sb.append(img.getRGB(x, y) & 0xffffff);
            }
            sb.append('/');
        }
        return sb.toString();
    }

    @Test
    void everyExifOrientationTurnsThePixelsUpright() {
        // stored 012/345; expected upright layouts for EXIF orientations 1..8
        String[] expected = {
            "012/345/", "210/543/", "543/210/", "345/012/", "03/14/25/", "30/41/52/", "52/41/30/", "25/14/03/"
        };
        for (int value = 1; value <= 8; value++) {
            assertEquals(
                    expected[value - 1], pixels(Orientation.fromExif(value).apply(numbered())), "orientation " + value);
        }
    }

    @Test
    void decoderReadsTheExifTagAndTurnsTheJpeg(@TempDir Path dir) throws Exception {
        // Upright: red top half, blue bottom half. Stored turned 90 degrees counter-clockwise,
        // tagged 6 ("rotate 90 clockwise to display").
        BufferedImage upright = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = upright.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 64, 24);
        g.setColor(Color.BLUE);
        g.fillRect(0, 24, 64, 24);
        g.dispose();
        BufferedImage stored = Orientation.ROTATE_270_CW.apply(upright);
        Path file = TestPhotos.writeJpegWithOrientation(stored, 6, dir.resolve("turned.jpg"));

        assertEquals(Orientation.ROTATE_90_CW, Orientation.of(file));
        BufferedImage decoded = PhotoDecoder.decodeFull(file);
        assertEquals(64, decoded.getWidth());
        assertEquals(48, decoded.getHeight());
        assertTrue(isRed(decoded.getRGB(32, 5)), "top is red");
        assertTrue(isBlue(decoded.getRGB(32, 42)), "bottom is blue");
    }

    private static boolean isRed(int rgb) {
        return ((rgb >> 16) & 0xff) > 200 && (rgb & 0xff) < 60;
    }

    private static boolean isBlue(int rgb) {
        return (rgb & 0xff) > 200 && ((rgb >> 16) & 0xff) < 60;
    }
}
