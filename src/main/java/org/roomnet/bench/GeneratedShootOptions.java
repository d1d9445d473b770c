package org.roomnet.bench;

import java.nio.file.Path;
import org.roomnet.cli.ModelOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that time work on a generated shoot of large JPEGs. */
final class GeneratedShootOptions {

    @Option(names = "--pool", description = "folder of photos to enlarge (default: ../shared/datasets/roomtypes)")
    Path pool = Path.of(System.getProperty("roomnet.pool", "../shared/datasets/roomtypes"));

    @Option(
            names = "--distinct",
            defaultValue = "24",
            description = "distinct generated JPEGs; the rest are hard links to them (default: ${DEFAULT-VALUE})")
    int distinct;

    @Option(names = "--megapixels", defaultValue = "24", description = "size of each photo (default: ${DEFAULT-VALUE})")
    double megapixels;

    @Mixin
    ModelOptions models = new ModelOptions();

    BenchmarkShoot shoot(int photos) {
        return new BenchmarkShoot(pool, photos, distinct, megapixels);
    }
}
