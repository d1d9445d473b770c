package org.roomnet.core.imaging;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns an upright photo into the model's input exactly as {@code training/roomnet_training/presets.py}
 * does: centre square crop, antialiased triangle-filter resize to size x size (weights computed in
 * double), then {@code x * scale + offset}, CHW, RGB.
 */
public final class Preprocessor {

    private final int size;
    private final double scale;
    private final double offset;
    private final Map<Long, ResampleWeights> weightCache = new ConcurrentHashMap<>();

    public Preprocessor(int size, double scale, double offset) {
        this.size = size;
        this.scale = scale;
        this.offset = offset;
    }

    public int size() {
        return size;
    }

    public float[] toTensor(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int side = Math.min(w, h);
        int left = (w - side) / 2;
        int top = (h - side) / 2;
        int[] argb = image.getRGB(left, top, side, side, null, 0, side);

        ResampleWeights weights = weightCache.computeIfAbsent((long) side << 32 | size,
                k -> ResampleWeights.triangle(side, size));
        // Horizontal pass: side rows x size columns, per channel.
        double[][] horizontal = new double[3][side * size];
        for (int y = 0; y < side; y++) {
            int rowStart = y * side;
            for (int x = 0; x < size; x++) {
                double r = 0, g = 0, b = 0;
                int first = weights.first(x);
                double[] wx = weights.weights(x);
                for (int k = 0; k < wx.length; k++) {
                    int p = argb[rowStart + first + k];
                    double wk = wx[k];
                    r += wk * ((p >> 16) & 0xff);
                    g += wk * ((p >> 8) & 0xff);
                    b += wk * (p & 0xff);
                }
                int o = y * size + x;
                horizontal[0][o] = r;
                horizontal[1][o] = g;
                horizontal[2][o] = b;
            }
        }
        float[] tensor = new float[3 * size * size];
        for (int c = 0; c < 3; c++) {
            double[] plane = horizontal[c];
            int planeOffset = c * size * size;
            for (int y = 0; y < size; y++) {
                int first = weights.first(y);
                double[] wy = weights.weights(y);
                for (int x = 0; x < size; x++) {
                    double v = 0;
                    for (int k = 0; k < wy.length; k++) {
                        v += wy[k] * plane[(first + k) * size + x];
                    }
                    tensor[planeOffset + y * size + x] = (float) (v * scale + offset);
                }
            }
        }
        return tensor;
    }
}
