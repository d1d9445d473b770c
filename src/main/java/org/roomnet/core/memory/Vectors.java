package org.roomnet.core.memory;

/** The few vector operations the memory needs. */
final class Vectors {

    private Vectors() {}

    static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float[] out = new float[v.length];
        if (!(sum > 0) || !Double.isFinite(sum)) {
            return out; // a zero (or broken) vector is similar to nothing
        }
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    /** Dot product of {@code a} with row {@code row} of the row-major matrix {@code m}; four sums for speed. */
    static float dot(float[] a, float[] m, int row) {
        int n = a.length;
        int base = row * n;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * m[base + i];
            s1 += a[i + 1] * m[base + i + 1];
            s2 += a[i + 2] * m[base + i + 2];
            s3 += a[i + 3] * m[base + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * m[base + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
