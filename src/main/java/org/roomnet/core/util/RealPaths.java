package org.roomnet.core.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a path really leads, for comparing places: a symbolic link to the shoot, or a link inside the
 * path of an export folder, must not make one place look like two (issue 18, point 10).
 */
public final class RealPaths {

    private RealPaths() {}

    /**
     * The real path of {@code path}; for a path that does not exist (yet), the real path of its nearest
     * existing folder plus the rest. The absolute, normalised path when even that cannot be resolved.
     */
    public static Path of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
