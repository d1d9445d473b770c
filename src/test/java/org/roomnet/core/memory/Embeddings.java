package org.roomnet.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Made-up embeddings for the memory's tests: clusters around random centres, non-negative like the model's. */
final class Embeddings {

    static final ModelKey MODEL = new ModelKey("test-1", "ab".repeat(32));

    private final Random random;
    private final int dimension;

    Embeddings(long seed, int dimension) {
        this.random = new Random(seed);
        this.dimension = dimension;
    }

    float[] centre() {
        float[] c = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            c[i] = random.nextFloat() < 0.3f ? random.nextFloat() * 2 : 0f;
        }
        return c;
    }

    /** A point near {@code centre}: each value moved by up to {@code spread}, kept non-negative. */
    float[] near(float[] centre, float spread) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = Math.max(0f, centre[i] + (random.nextFloat() * 2 - 1) * spread);
        }
        return v;
    }

    static MemoryEntry entry(String label, String shoot, String file, float[] embedding) {
        return MemoryEntry.of(label, shoot, file, "hash-" + shoot + "/" + file, 1_700_000_000_000L, embedding);
    }

    /** {@code perCluster} entries around each of {@code centres}, labelled by {@code labels}. */
    static List<MemoryEntry> clusters(
            Embeddings gen, List<float[]> centres, List<String> labels, int perCluster, float spread, String shoot) {
        List<MemoryEntry> out = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            for (int i = 0; i < perCluster; i++) {
                out.add(entry(labels.get(c), shoot, c + "-" + i + ".jpg", gen.near(centres.get(c), spread)));
            }
        }
        return out;
    }
}
