package org.roomnet.cli;

import org.roomnet.core.classify.ProviderPreference;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** Options shared by the commands that time work on a generated shoot of large JPEGs. */
final class GeneratedShootOptions {

    @Option(names = "--pool", description = "folder of photos to enlarge (default: ../shared/datasets/roomtypes)")
    Path pool = Path.of(System.getProperty("roomnet.pool", "../shared/datasets/roomtypes"));

    @Option(names = "--distinct", defaultValue = "24",
            description = "distinct generated JPEGs; the rest are hard links to them (default: ${DEFAULT-VALUE})")
    int distinct;

    @Option(names = "--megapixels", defaultValue = "24", description = "size of each photo (default: ${DEFAULT-VALUE})")
    double megapixels;

    @Option(names = "--model", description = "model file (default: the shipped one)")
    Path model;

    @Option(names = "--provider", defaultValue = "auto", converter = ProviderConverter.class,
            description = "auto, cpu or cuda (default: ${DEFAULT-VALUE})")
    ProviderPreference provider;

    /** As {@code --provider} takes it, for a command run in a new JVM. */
    String providerName() {
        return provider.name().toLowerCase(Locale.ROOT);
    }

    BenchmarkShoot shoot(int photos) {
        return new BenchmarkShoot(pool, photos, distinct, megapixels);
    }
}
