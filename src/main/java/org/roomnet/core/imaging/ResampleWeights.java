package org.roomnet.core.imaging;

/** Per output pixel, the first input pixel and the normalised filter weights that follow it. */
final class ResampleWeights {

    private final int[] first;
    private final double[][] weights;

    private ResampleWeights(int[] first, double[][] weights) {
        this.first = first;
        this.weights = weights;
    }

    /** PIL-style antialiased bilinear: support = max(scale, 1), weight = 1 - |d| / support. */
    static ResampleWeights triangle(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double support = Math.max(scale, 1.0);
        int[] first = new int[outSize];
        double[][] weights = new double[outSize][];
        for (int i = 0; i < outSize; i++) {
            double centre = (i + 0.5) * scale;
            int lo = Math.max(0, (int) Math.floor(centre - support));
            int hi = Math.min(inSize, (int) Math.ceil(centre + support));
            double[] w = new double[hi - lo];
            double total = 0;
            for (int j = lo; j < hi; j++) {
                double v = Math.max(0.0, 1.0 - Math.abs((j + 0.5 - centre) / support));
                w[j - lo] = v;
                total += v;
            }
            if (total > 0) {
                for (int k = 0; k < w.length; k++) {
                    w[k] /= total;
                }
            }
            first[i] = lo;
            weights[i] = w;
        }
        return new ResampleWeights(first, weights);
    }

    int first(int outIndex) {
        return first[outIndex];
    }

    double[] weights(int outIndex) {
        return weights[outIndex];
    }
}
