package org.roomnet.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;

/** Shoots for app tests: a few real photos from the pool (copied at run time, never committed) and a corrupt file. */
public final class TestShoots {

    /** Two photos of each of these pool folders. */
    private static final List<String> SOURCES = List.of(
            "houses/Kitchen",
            "houses/Bathroom",
            "houses/Bedroom",
            "houses/Frontyard",
            "roboflow_rooms/LivingRoom",
            "miniplaces/Backyard");

    public static final int PER_SOURCE = 2;
    public static final String CORRUPT = "corrupt.jpg";

    private static RoomClassifier classifier;

    private TestShoots() {}

    /** The pool and the model are part of every checkout and CI run: their absence fails the tests. */
    public static Path pool() {
        Path pool = Path.of(System.getProperty("roomnet.pool", "../shared/datasets/roomtypes"));
        assertTrue(Files.isDirectory(pool), "the photo pool is not available: " + pool.toAbsolutePath());
        return pool;
    }

    /** Copies {@value #PER_SOURCE} photos per source into {@code folder}, plus {@value #CORRUPT} (random bytes). */
    public static Path create(Path folder) throws IOException {
        Path pool = pool();
        Files.createDirectories(folder);
        for (String source : SOURCES) {
            try (Stream<Path> files = Files.list(pool.resolve(source))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".jpg"))
                        .sorted()
                        .limit(PER_SOURCE)
                        .toList()) {
                    Files.copy(p, folder.resolve(p.getFileName()));
                }
            }
        }
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Files.write(folder.resolve(CORRUPT), junk);
        return folder;
    }

    public static int photoCount() {
        return SOURCES.size() * PER_SOURCE;
    }

    /** The real model, opened once for all tests (on the CPU, so results do not depend on the machine). */
    public static synchronized RoomClassifier classifier() throws ModelLoadException {
        if (classifier == null) {
            Path model = Path.of(System.getProperty("roomnet.model", "model/roomnet.onnx"));
            assertTrue(Files.isRegularFile(model), "no model at " + model.toAbsolutePath());
            classifier = RoomClassifier.open(model, ProviderPreference.CPU);
        }
        return classifier;
    }
}
