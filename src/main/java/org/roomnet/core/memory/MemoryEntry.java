package org.roomnet.core.memory;

import java.util.Arrays;
import java.util.Objects;

/**
 * One reviewed photo in the memory: its embedding (L2-normalised, float16), the label the agent gave it, the
 * shoot folder and file name it came from, the SHA-256 of its content (the same photo learned twice is kept
 * once) and when it was learned.
 */
public record MemoryEntry(
        String label, String shoot, String file, String contentHash, long learnedMillis, short[] embedding) {

    public MemoryEntry {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(shoot, "shoot");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentHash, "contentHash");
        if (embedding == null || embedding.length == 0) {
            throw new IllegalArgumentException("a memory needs an embedding");
        }
        embedding = embedding.clone();
    }

    /** A new entry from a model's embedding as it comes (not normalised). */
    public static MemoryEntry of(
            String label, String shoot, String file, String contentHash, long learnedMillis, float[] embedding) {
        return new MemoryEntry(label, shoot, file, contentHash, learnedMillis, toHalf(Vectors.normalised(embedding)));
    }

    @Override
    public short[] embedding() {
        return embedding.clone();
    }

    int dimension() {
        return embedding.length;
    }

    float component(int i) {
        return Half.toFloat(embedding[i]);
    }

    /** The same photo with another label (the agent reviewed it again). */
    public MemoryEntry withLabel(String newLabel, long millis) {
        return new MemoryEntry(newLabel, shoot, file, contentHash, millis, embedding);
    }

    private static short[] toHalf(float[] v) {
        short[] h = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            h[i] = Half.fromFloat(v[i]);
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryEntry e
                && label.equals(e.label)
                && shoot.equals(e.shoot)
                && file.equals(e.file)
                && contentHash.equals(e.contentHash)
                && learnedMillis == e.learnedMillis
                && Arrays.equals(embedding, e.embedding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, shoot, file, contentHash, learnedMillis, Arrays.hashCode(embedding));
    }

    @Override
    public String toString() {
        return "MemoryEntry[" + label + " " + shoot + "/" + file + "]";
    }
}
