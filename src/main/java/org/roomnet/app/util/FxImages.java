package org.roomnet.app.util;

import java.awt.image.BufferedImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * BufferedImage to JavaFX image without javafx-swing: pixels are copied through a PixelWriter, a band
 * of rows at a time so a large preview never needs a second full-size int array. Safe on any thread
 * (the image is not yet part of a scene).
 */
public final class FxImages {

    private static final int BAND_ROWS = 64;

    private FxImages() {}

    public static Image toFxImage(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        WritableImage out = new WritableImage(w, h);
        PixelWriter writer = out.getPixelWriter();
        int[] band = new int[w * Math.min(BAND_ROWS, h)];
        for (int y = 0; y < h; y += BAND_ROWS) {
            int rows = Math.min(BAND_ROWS, h - y);
            image.getRGB(0, y, w, rows, band, 0, w);
            writer.setPixels(0, y, w, rows, PixelFormat.getIntArgbInstance(), band, 0, w);
        }
        return out;
    }
}
