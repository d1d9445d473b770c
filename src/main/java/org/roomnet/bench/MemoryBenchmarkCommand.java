package org.roomnet.bench;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.roomnet.cli.RoomNetCommand;
import org.roomnet.core.memory.LookupBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Times a memory lookup (the k nearest reviewed photos) on a made-up memory of the model's embedding size. */
@Command(
        name = "benchmark-memory",
        mixinStandardHelpOptions = true,
        hidden = true,
        description = "Time the memory's nearest-neighbour lookup on a made-up memory (default 50,000 photos).")
public final class MemoryBenchmarkCommand implements Callable<Integer> {

    @Option(
            names = "--entries",
            defaultValue = "50000",
            description = "photos in the memory (default: ${DEFAULT-VALUE})")
    int entries;

    @Option(names = "--dimension", defaultValue = "1280", description = "embedding size (default: ${DEFAULT-VALUE})")
    int dimension;

    @Option(names = "--lookups", defaultValue = "2000", description = "timed lookups (default: ${DEFAULT-VALUE})")
    int lookups;

    @Option(
            names = "--recall-queries",
            defaultValue = "50",
            description = "lookups checked against a full exact scan (default: ${DEFAULT-VALUE})")
    int recallQueries;

    @Override
    public Integer call() {
        LookupBenchmark.Result r = LookupBenchmark.run(entries, dimension, lookups, recallQueries, 17);
        System.out.printf(
                Locale.ROOT,
                "memory of %d photos, %d values each; index built in %.0f ms%n",
                r.entries(),
                r.dimension(),
                r.buildMillis());
        System.out.printf(
                Locale.ROOT,
                "lookup of the 10 nearest: %.3f ms a photo wall, %.3f ms CPU (%d lookups, one thread); load %s%n",
                r.millisPerLookup(),
                r.cpuMillisPerLookup(),
                r.lookups(),
                MachineLoad.loadAverage());
        System.out.printf(
                Locale.ROOT, "recall@10 against an exact scan: %.3f (%d lookups)%n", r.recallAt10(), r.recallQueries());
        return RoomNetCommand.EXIT_OK;
    }
}
