package org.roomnet.core.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times {@link MemoryIndex} on a made-up memory: {@code entries} embeddings of {@code dimension} non-negative
 * values in clusters (like the model's), lookups of points near them, and the share of the exact 10 nearest
 * (by a full scan) that the index finds. For the {@code benchmark-memory} command; not a test.
 */
public final class LookupBenchmark {

    public record Result(
            int entries,
            int dimension,
            double buildMillis,
            double millisPerLookup,
            double cpuMillisPerLookup,
            int lookups,
            double recallAt10,
            int recallQueries) {}

    private LookupBenchmark() {}

    public static Result run(int entries, int dimension, int lookups, int recallQueries, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int clusters = Math.max(1, entries / 50);
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            centres.add(point(random, null, dimension, 0f));
        }
        List<MemoryEntry> list = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            float[] e = point(random, centres.get(i % clusters), dimension, 0.8f);
            list.add(MemoryEntry.of("L" + (i % clusters % 12), "s", i + ".jpg", "h" + i, 0L, e));
        }
        Memory memory = new Memory(new ModelKey("bench", "00"), list);
        long t0 = System.nanoTime();
        MemoryIndex index = MemoryIndex.of(memory);
        double build = (System.nanoTime() - t0) / 1e6;
        List<float[]> queries = new ArrayList<>();
        for (int q = 0; q < lookups; q++) {
            queries.add(point(random, centres.get(random.nextInt(clusters)), dimension, 0.8f));
        }
        for (int warm = 0; warm < Math.min(200, lookups); warm++) {
            index.nearest(queries.get(warm), 10);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        List<List<MemoryIndex.Neighbour>> found = new ArrayList<>();
        for (float[] q : queries) {
            found.add(index.nearest(q, 10));
        }
        double perLookup = (System.nanoTime() - t1) / 1e6 / lookups;
        double cpuPerLookup = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / lookups;
        int hits = 0;
        int checked = Math.min(recallQueries, lookups);
        for (int q = 0; q < checked; q++) {
            float[] exact = exactTop10(memory, queries.get(q));
            for (MemoryIndex.Neighbour n : found.get(q)) {
                for (float s : exact) {
                    if (Math.abs(s - n.similarity()) < 1e-6f) {
                        hits++;
                        break;
                    }
                }
            }
        }
        return new Result(
                entries,
                dimension,
                build,
                perLookup,
                cpuPerLookup,
                lookups,
                checked == 0 ? Double.NaN : hits / (checked * 10.0),
                checked);
    }

    private static float[] point(SplittableRandom random, float[] centre, int dimension, float spread) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = centre == null
                    ? (random.nextDouble() < 0.3 ? (float) random.nextDouble() * 2 : 0f)
                    : Math.max(0f, centre[i] + (float) (random.nextDouble() * 2 - 1) * spread);
        }
        return v;
    }

    private static float[] exactTop10(Memory memory, float[] query) {
        float[] q = Vectors.normalised(query);
        float[] sims = new float[memory.size()];
        for (int i = 0; i < sims.length; i++) {
            MemoryEntry e = memory.entries().get(i);
            float s = 0;
            for (int d = 0; d < q.length; d++) {
                s += q[d] * e.component(d);
            }
            sims[i] = s;
        }
        int[] top = MemoryIndex.topOf(sims, 10);
        float[] out = new float[top.length];
        for (int i = 0; i < top.length; i++) {
            out[i] = sims[top[i]];
        }
        return out;
    }
}
