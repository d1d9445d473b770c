package org.roomnet.core.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Nearest neighbours in a {@link Memory} by cosine similarity. A full scan of 50,000 embeddings of 1,280 values
 * is 64 M multiply-adds a photo, far over the 2 ms budget on a laptop CPU; so the scan runs on a fixed random
 * projection to {@value #PROJECTED} values (cosines preserved to about ±0.1), and the best {@link #candidates}
 * of it are ranked again on the exact embeddings. Below that many entries the result is exact. Immutable and
 * thread-safe once built.
 */
public final class MemoryIndex {

    static final int PROJECTED = 128;
    private static final long SEED = 0x5eed0017L;

    private final List<String> labels;
    private final short[][] exact;
    private final float[] projected;
    private final float[] projection;
    private final int dimension;

    public record Neighbour(String label, float similarity) {
    }

    private MemoryIndex(List<String> labels, short[][] exact, float[] projected, float[] projection, int dimension) {
        this.labels = labels;
        this.exact = exact;
        this.projected = projected;
        this.projection = projection;
        this.dimension = dimension;
    }

    public static MemoryIndex of(Memory memory) {
        int n = memory.size();
        int dimension = n == 0 ? 0 : memory.entries().get(0).dimension();
        float[] projection = projectionMatrix(dimension);
        List<String> labels = new ArrayList<>(n);
        short[][] exact = new short[n][];
        float[] projected = new float[n * PROJECTED];
        float[] row = new float[dimension];
        for (int i = 0; i < n; i++) {
            MemoryEntry e = memory.entries().get(i);
            labels.add(e.label());
            exact[i] = e.embedding();
            for (int k = 0; k < dimension; k++) {
                row[k] = Half.toFloat(exact[i][k]);
            }
            System.arraycopy(project(projection, row, dimension), 0, projected, i * PROJECTED, PROJECTED);
        }
        return new MemoryIndex(List.copyOf(labels), exact, projected, projection, dimension);
    }

    public int size() {
        return labels.size();
    }

    public int dimension() {
        return dimension;
    }

    /** How many projected candidates are ranked again exactly for {@code k} neighbours. */
    static int candidates(int k) {
        return Math.max(100, 10 * k);
    }

    /** The {@code k} most similar memories of an embedding (as the model gives it), most similar first. */
    public List<Neighbour> nearest(float[] embedding, int k) {
        if (labels.isEmpty() || k <= 0) {
            return List.of();
        }
        if (embedding.length != dimension) {
            throw new IllegalArgumentException("embedding of " + embedding.length + " values, the memory's have " + dimension);
        }
        float[] query = Vectors.normalised(embedding);
        int[] candidates = size() <= candidates(k) ? allRows() : topProjected(project(projection, query, dimension),
                candidates(k));
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

    private int[] topProjected(float[] query, int count) {
        float[] sims = new float[size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = Vectors.dot(query, projected, i);
        }
        return topOf(sims, count);
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

    private static float[] projectionMatrix(int dimension) {
        SplittableRandom random = new SplittableRandom(SEED);
        float[] m = new float[PROJECTED * dimension];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) gaussian(random);
        }
        return m;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static float[] project(float[] projection, float[] v, int dimension) {
        float[] out = new float[PROJECTED];
        for (int p = 0; p < PROJECTED; p++) {
            out[p] = Vectors.dot(v, projection, p);
        }
        return Vectors.normalised(out);
    }
}
