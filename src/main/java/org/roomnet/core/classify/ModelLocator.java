package org.roomnet.core.classify;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shipped model: {@code -Droomnet.model}, else {@code model/roomnet.onnx} under the working
 * folder, else next to or above the application jar (the source tree and the installed app).
 */
public final class ModelLocator {

    public static final String FILE_NAME = "roomnet.onnx";

    private ModelLocator() {}

    public static Optional<Path> find() {
        return candidates().stream().filter(Files::isRegularFile).findFirst();
    }

    public static List<Path> candidates() {
        List<Path> paths = new ArrayList<>();
        String configured = System.getProperty("roomnet.model");
        if (configured != null && !configured.isBlank()) {
            paths.add(Path.of(configured));
        }
        paths.add(Path.of("model", FILE_NAME));
        codeLocation().ifPresent(dir -> {
            paths.add(dir.resolve(FILE_NAME));
            paths.add(dir.resolve("model").resolve(FILE_NAME));
            if (dir.getParent() != null) {
                paths.add(dir.getParent().resolve("model").resolve(FILE_NAME));
            }
        });
        return paths;
    }

    private static Optional<Path> codeLocation() {
        try {
            Path code = Path.of(ModelLocator.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            // target/classes (a folder) or target/roomnet.jar: either way the folder holding it
            return Optional.ofNullable(code.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
