package org.roomnet.core.listing;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The capture times of a shoot's photos, read once each ({@link CaptureTime}) and kept. Reading takes
 * I/O: {@link #load} belongs in the background; {@link #known} never reads, for the UI thread, which
 * orders a photo whose time is not loaded yet by its name. Thread-safe.
 */
public final class CaptureTimes {

    private final Map<Path, Optional<LocalDateTime>> times = new ConcurrentHashMap<>();

    /** Background: reads the times not read yet. */
    public void load(Collection<Path> files) {
        files.forEach(this::of);
    }

    /** The time of {@code file}, read now if it was not read before. */
    public Optional<LocalDateTime> of(Path file) {
        return times.computeIfAbsent(file, CaptureTime::of);
    }

    /** The time of {@code file} if it was read; empty otherwise (without reading). */
    public Optional<LocalDateTime> known(Path file) {
        return times.getOrDefault(file, Optional.empty());
    }

    public boolean hasRead(Collection<Path> files) {
        return times.keySet().containsAll(files);
    }
}
