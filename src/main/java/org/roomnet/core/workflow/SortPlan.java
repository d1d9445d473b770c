package org.roomnet.core.workflow;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.roomnet.core.review.Review;

/**
 * What sorting a review into room folders would do, said before anything happens: photos per room
 * type, the files that stay (unreadable, and the photos the agent rejected), the photos not reviewed yet, and the
 * default destination.
 */
public record SortPlan(
        Path folder,
        Path defaultDestination,
        Map<String, Integer> perRoomType,
        int photos,
        int unreadable,
        int rejected,
        int unreviewed) {

    public SortPlan {
        perRoomType = Collections.unmodifiableMap(new LinkedHashMap<>(perRoomType));
    }

    public static SortPlan of(Review review) {
        Path folder = review.folder().toAbsolutePath().normalize();
        Map<String, Integer> counts = new LinkedHashMap<>(review.listableCountsByLabel()); // rejects stay
        counts.values().removeIf(n -> n == 0);
        int photos = counts.values().stream().mapToInt(Integer::intValue).sum();
        int rejected = (int) review.photos().stream()
                .filter(p -> p.isReadable() && p.listing().rejected())
                .count();
        return new SortPlan(
                folder, defaultDestination(folder), counts, photos, (int) review.unreadableCount(), rejected, (int)
                        (review.readableCount() - review.reviewedCount()));
    }

    /** The one default for the app and the command line: {@code <folder>_classified} beside the shoot folder. */
    public static Path defaultDestination(Path folder) {
        Path normal = folder.toAbsolutePath().normalize();
        Path name = normal.getFileName();
        return normal.resolveSibling((name == null ? "shoot" : name.toString()) + "_classified");
    }
}
