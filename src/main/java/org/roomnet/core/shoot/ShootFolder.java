package org.roomnet.core.shoot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The photos of a shoot: every regular, non-hidden file in the folder, by path. Not recursive by
 * default; recursively, hidden folders are skipped too.
 */
public final class ShootFolder {

    private ShootFolder() {
    }

    public static List<Path> list(Path folder) throws IOException {
        return list(folder, false);
    }

    public static List<Path> list(Path folder, boolean recursive) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        try (Stream<Path> entries = recursive ? Files.walk(folder) : Files.list(folder)) {
            return entries
                    .filter(p -> Files.isRegularFile(p))
                    .filter(p -> !isHidden(folder.relativize(p)))
                    .sorted(Comparator.comparing(p -> folder.relativize(p).toString()))
                    .toList();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
