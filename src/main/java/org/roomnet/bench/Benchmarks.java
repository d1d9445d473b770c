package org.roomnet.bench;

import java.util.List;

/**
 * The measuring commands ({@code benchmark}, {@code first-thumbnails}, {@code benchmark-listing}): not part of
 * the product's command line, hidden from {@code --help}, and added to it by the launcher so that
 * {@code tests/benchmarks/run.sh} runs them from the same jar as the app.
 */
public final class Benchmarks {

    private Benchmarks() {}

    /** Their picocli command classes (each {@code hidden = true}). */
    public static List<Object> commands() {
        return List.of(
                BenchmarkCommand.class,
                FirstThumbnailsCommand.class,
                ListingBenchmarkCommand.class,
                MemoryBenchmarkCommand.class);
    }
}
