package org.roomnet.core.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
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
        int[][] planes = channelPlanes(image, left, top, side);

        ResampleWeights weights =
                weightCache.computeIfAbsent((long) side << 32 | size, k -> ResampleWeights.triangle(side, size));
        // Horizontal pass: side rows x size columns, per channel.
        double[][] horizontal = new double[3][side * size];
        for (int c = 0; c < 3; c++) {
            int[] plane = planes[c];
            double[] out = horizontal[c];
            for (int y = 0; y < side; y++) {
                int rowStart = y * side;
                for (int x = 0; x < size; x++) {
                    int first = rowStart + weights.first(x);
                    double[] wx = weights.weights(x);
                    double v = 0;
                    for (int k = 0; k < wx.length; k++) {
                        v += wx[k] * plane[first + k];
                    }
                    out[y * size + x] = v;
                }
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

    /** The centre square as three planes of 0-255 values (R, G, B); read straight from an int RGB raster. */
    private static int[][] channelPlanes(BufferedImage image, int left, int top, int side) {
        int[] argb;
        WritableRaster raster = image.getRaster();
        if ((image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getNumBanks() == 1
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0) {
            int[] data = buffer.getData();
            int stride = model.getScanlineStride();
            argb = new int[side * side];
            for (int y = 0; y < side; y++) {
                System.arraycopy(data, buffer.getOffset() + (top + y) * stride + left, argb, y * side, side);
            }
        } else {
            argb = image.getRGB(left, top, side, side, null, 0, side);
        }
        int[][] planes = new int[3][argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            planes[0][i] = (p >> 16) & 0xff;
            planes[1][i] = (p >> 8) & 0xff;
            planes[2][i] = p & 0xff;
        }
        return planes;
    }
}
