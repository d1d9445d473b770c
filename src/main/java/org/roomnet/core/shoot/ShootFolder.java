package org.roomnet.core.shoot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The photos of a shoot: every regular, non-hidden file directly in the folder, by name. */
public final class ShootFolder {

    private ShootFolder() {
    }

    public static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries
                    .filter(p -> Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }
}
