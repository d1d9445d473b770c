package org.roomnet.core.organize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which files an organize run may take, so that undo can restore exactly what was there. A symbolic
 * link is never moved or copied as a link: it is left in place, or with {@code followLinks} the file
 * it points to is organized instead (once, however many links point to it). A file whose name the
 * platform cannot spell back (not valid in its encoding) is left in place: the journal could not name it.
 */
public final class AssignmentPolicy {

    /** A file left out, and why, for the user. */
    public record Skipped(Path file, String reason) {}

    public record Plan(List<Assignment> assignments, List<Skipped> skipped) {
        public Plan {
            assignments = List.copyOf(assignments);
            skipped = List.copyOf(skipped);
        }
    }

    private AssignmentPolicy() {}

    public static Plan apply(List<Assignment> candidates, boolean followLinks) {
        List<Assignment> taken = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<Path> files = new HashSet<>();
        for (Assignment a : candidates) {
            Path file = a.source().toAbsolutePath().normalize();
            if (Files.isSymbolicLink(file)) {
                if (!followLinks) {
                    skipped.add(new Skipped(
                            a.source(),
                            "symbolic link, left in place (--follow-links organizes the file it points to)"));
                    continue;
                }
                try {
                    file = file.toRealPath();
                } catch (IOException e) {
                    skipped.add(new Skipped(a.source(), "symbolic link to a file that cannot be reached"));
                    continue;
                }
            }
            if (!nameRoundTrips(file)) {
                skipped.add(new Skipped(
                        a.source(), "its name is not valid in the system's encoding; rename it to organize it"));
            } else if (!files.add(file)) {
                skipped.add(new Skipped(a.source(), "the same file as another photo of this run"));
            } else {
                taken.add(new Assignment(file, a.roomType()));
            }
        }
        return new Plan(taken, skipped);
    }

    /** The path's name survives a trip through a string (what the journal stores). */
    static boolean nameRoundTrips(Path file) {
        try {
            return file.getFileSystem().getPath(file.toString()).equals(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
