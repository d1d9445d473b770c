package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    private final Preprocessor preprocessor = new Preprocessor(224, 2.0 / 255, -1.0);

    @Test
    void uniformColourMapsToItsNormalisedValueInEveryChannel() {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                img.setRGB(x, y, 0xFF8000);
            }
        }
        float[] t = preprocessor.toTensor(img);
        assertEquals(3 * 224 * 224, t.length);
        assertEquals(1.0f, t[0], 1e-6); // R = 255
        assertEquals(128 * 2.0 / 255 - 1, t[224 * 224 + 500], 1e-6); // G = 128
        assertEquals(-1.0f, t[2 * 224 * 224 + 1000], 1e-6); // B = 0
    }

    @Test
    void centreCropIgnoresTheEndsOfTheLongerSide() {
        BufferedImage img = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 100; x < 200; x++) {
                img.setRGB(x, y, 0xFFFFFF); // only the middle third is white
            }
        }
        float[] t = preprocessor.toTensor(img);
        for (float v : t) {
            assertEquals(1.0f, v, 1e-5);
        }
    }

    @Test
    void intRgbRasterIsReadAsGetRgbWouldReadIt() {
        java.awt.image.BufferedImage rgb = org.roomnet.testing.TestPhotos.pattern(300, 200, 9);
        java.awt.image.BufferedImage bgr =
                new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(rgb, 0, 0, null);
        java.awt.image.BufferedImage larger = org.roomnet.testing.TestPhotos.pattern(340, 260, 10);
        larger.getGraphics().drawImage(rgb, 20, 30, null);
        Preprocessor p = new Preprocessor(224, 2.0 / 255, -1);
        float[] expected = p.toTensor(bgr);
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, p.toTensor(rgb));
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, p.toTensor(larger.getSubimage(20, 30, 300, 200)));
    }
}
