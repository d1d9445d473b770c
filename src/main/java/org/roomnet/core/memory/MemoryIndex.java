package org.roomnet.core.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Nearest neighbours in a {@link Memory} by cosine similarity. A full scan of 50,000 embeddings of 1,280 values
 * is 64 M multiply-adds a photo, far over the 2 ms budget on a laptop CPU; so the scan runs on a fixed, very
 * sparse random projection to {@value #PROJECTED} values ({@value #TAPS} signed taps each, cheap enough to
 * project 50,000 memories when the index is built; scanned coarse to fine, see {@link #topProjected}), and the best {@link #candidates} of it are ranked again
 * on the exact embeddings. Below that many entries the result is exact. Immutable and thread-safe once built.
 */
public final class MemoryIndex {

    static final int PROJECTED = 128;
    static final int TAPS = 32;
    static final int COARSE = 32;
    private static final long SEED = 0x5eed0017L;

    private final List<String> labels;
    private final short[][] exact;
    private final float[] coarse;
    private final float[] projected;
    private final int[] projection;
    private final int dimension;

    public record Neighbour(String label, float similarity) {}

    private MemoryIndex(
            List<String> labels, short[][] exact, float[] coarse, float[] projected, int[] projection, int dimension) {
        this.coarse = coarse;
        this.labels = labels;
        this.exact = exact;
        this.projected = projected;
        this.projection = projection;
        this.dimension = dimension;
    }

    public static MemoryIndex of(Memory memory) {
        int n = memory.size();
        int dimension = n == 0 ? 0 : memory.entries().get(0).dimension();
        int[] projection = projectionTaps(dimension);
        List<String> labels = new ArrayList<>(n);
        short[][] exact = new short[n][];
        float[] projected = new float[n * PROJECTED];
        float[] coarse = new float[n * COARSE];
        float[] row = new float[dimension];
        for (int i = 0; i < n; i++) {
            MemoryEntry e = memory.entries().get(i);
            labels.add(e.label());
            exact[i] = e.embedding();
            for (int k = 0; k < dimension; k++) {
                row[k] = Half.toFloat(exact[i][k]);
            }
            float[] p = project(projection, row, dimension);
            System.arraycopy(p, 0, projected, i * PROJECTED, PROJECTED);
            System.arraycopy(p, 0, coarse, i * COARSE, COARSE);
        }
        return new MemoryIndex(List.copyOf(labels), exact, coarse, projected, projection, dimension);
    }

    public int size() {
        return labels.size();
    }

    public int dimension() {
        return dimension;
    }

    /** How many projected candidates are ranked again exactly for {@code k} neighbours. */
    static int candidates(int k) {
        return Math.max(50, 5 * k);
    }

    /** The {@code k} most similar memories of an embedding (as the model gives it), most similar first. */
    public List<Neighbour> nearest(float[] embedding, int k) {
        if (labels.isEmpty() || k <= 0) {
            return List.of();
        }
        if (embedding.length != dimension) {
            throw new IllegalArgumentException(
                    "embedding of " + embedding.length + " values, the memory's have " + dimension);
        }
        float[] query = Vectors.normalised(embedding);
        int[] candidates = size() <= candidates(k)
                ? allRows()
                : topProjected(project(projection, query, dimension), candidates(k));
        float[] sims = new float[candidates.length];
        for (int c = 0; c < candidates.length; c++) {
            sims[c] = exactSimilarity(query, exact[candidates[c]]);
        }
        int[] order = topOf(sims, Math.min(k, sims.length));
        List<Neighbour> out = new ArrayList<>(order.length);
        for (int c : order) {
            out.add(new Neighbour(labels.get(candidates[c]), sims[c]));
        }
        return out;
    }

    private int[] allRows() {
        int[] all = new int[size()];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /**
     * The {@code count} best by the projection, in two steps: the first {@value #COARSE} projected values of every
     * memory (a contiguous 6.4 MB for 50,000) keep the best {@link #coarseKeep} rows, whose full projection then
     * picks the {@code count}.
     */
    private int[] topProjected(float[] query, int count) {
        int n = size();
        float[] coarseQuery = Arrays.copyOf(query, COARSE);
        float[] coarseSims = new float[n];
        for (int i = 0; i < n; i++) {
            coarseSims[i] = Vectors.dot(coarseQuery, coarse, i);
        }
        int keep = coarseKeep(n, count);
        int[] rows = keep >= n ? allRows() : atLeast(coarseSims, kthLargest(coarseSims.clone(), keep));
        float[] sims = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            sims[r] = Vectors.dot(query, projected, rows[r]);
        }
        int[] best = topOf(sims, Math.min(count, rows.length));
        int[] out = new int[best.length];
        for (int b = 0; b < best.length; b++) {
            out[b] = rows[best[b]];
        }
        return out;
    }

    static int coarseKeep(int n, int count) {
        return Math.max(20 * count, n / 20);
    }

    private static int[] atLeast(float[] values, float threshold) {
        int m = 0;
        for (float v : values) {
            if (v >= threshold) {
                m++;
            }
        }
        int[] out = new int[m];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= threshold) {
                out[j++] = i;
            }
        }
        return out;
    }

    /** The {@code k}-th largest value (1-based), by quickselect; reorders {@code a}. */
    static float kthLargest(float[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        int target = k - 1;
        SplittableRandom random = new SplittableRandom(k);
        while (lo < hi) {
            float pivot = a[lo + random.nextInt(hi - lo + 1)];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) {
                    i++;
                }
                while (a[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return a[target];
            }
        }
        return a[target];
    }

    private static float exactSimilarity(float[] query, short[] row) {
        float s0 = 0;
        float s1 = 0;
        int i = 0;
        for (; i + 1 < row.length; i += 2) {
            s0 += query[i] * Half.toFloat(row[i]);
            s1 += query[i + 1] * Half.toFloat(row[i + 1]);
        }
        if (i < row.length) {
            s0 += query[i] * Half.toFloat(row[i]);
        }
        return s0 + s1;
    }

    /** Indices of the {@code count} largest values, largest first (a bounded insertion list: count is small). */
    static int[] topOf(float[] values, int count) {
        int[] best = new int[count];
        float[] bestValue = new float[count];
        int filled = 0;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (filled == count && !(v > bestValue[count - 1])) {
                continue;
            }
            int pos = filled < count ? filled++ : count - 1;
            while (pos > 0 && bestValue[pos - 1] < v) {
                best[pos] = best[pos - 1];
                bestValue[pos] = bestValue[pos - 1];
                pos--;
            }
            best[pos] = i;
            bestValue[pos] = v;
        }
        return filled == count ? best : Arrays.copyOf(best, filled);
    }

    /** Per projected value, {@value #TAPS} input positions, each stored as {@code index * 2 + (negative ? 1 : 0)}. */
    private static int[] projectionTaps(int dimension) {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] taps = new int[PROJECTED * TAPS];
        if (dimension == 0) {
            return taps;
        }
        for (int i = 0; i < taps.length; i++) {
            taps[i] = random.nextInt(dimension) * 2 + random.nextInt(2);
        }
        return taps;
    }

    private static float[] project(int[] taps, float[] v, int dimension) {
        float[] out = new float[PROJECTED];
        for (int p = 0; p < PROJECTED; p++) {
            float sum = 0;
            for (int t = p * TAPS; t < (p + 1) * TAPS; t++) {
                int tap = taps[t];
                sum += (tap & 1) == 0 ? v[tap >> 1] : -v[tap >> 1];
            }
            out[p] = sum;
        }
        return Vectors.normalised(out);
    }
}
