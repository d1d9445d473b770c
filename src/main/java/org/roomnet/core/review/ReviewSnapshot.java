package org.roomnet.core.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One consistent reading of a shoot's review file: saves replace the file in one atomic rename, so a
 * single read sees one whole save, never half of two. This is what the command line (and anything
 * else that works from the agent's review) reads.
 *
 * @param review     the review, null when there is no file or its header is unusable
 * @param damaged    the lines that could not be read (left out of {@code review}); empty when all were read
 * @param exists     whether there was a review file at all
 * @param generation the save counter stored in the file (0 before format 3)
 * @param sha256     the hex SHA-256 of the bytes read ("" when there is no file)
 */
public record ReviewSnapshot(
        Path folder, SavedReview review, List<DamagedLine> damaged, boolean exists, long generation, String sha256) {

    public ReviewSnapshot {
        damaged = List.copyOf(damaged);
    }

    /** No review file. */
    public static ReviewSnapshot none(Path folder) {
        return new ReviewSnapshot(folder, null, List.of(), false, 0, "");
    }

    /**
     * Reads the review of {@code shoot}.
     *
     * @throws ReviewFileException the file is not a regular file or too large: not opened, or not read past the limit
     * @throws IOException         it could not be read
     */
    public static ReviewSnapshot read(Path shoot) throws IOException {
        return ReviewSidecar.snapshot(shoot);
    }

    public Optional<SavedReview> saved() {
        return Optional.ofNullable(review);
    }

    /** Some lines (or the whole file) could not be read. */
    public boolean isDamaged() {
        return !damaged.isEmpty();
    }

    /** "line 4 (not a number where one belongs), line 9 (fields missing)", at most ten named. */
    public String damageSummary() {
        String named = damaged.stream().limit(10).map(DamagedLine::toString).collect(Collectors.joining(", "));
        return damaged.size() <= 10 ? named : named + " and " + (damaged.size() - 10) + " more";
    }
}
