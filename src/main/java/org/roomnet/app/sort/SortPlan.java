package org.roomnet.app.sort;

import org.roomnet.core.review.Review;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What sorting the current review would do, for the dialog to say before anything happens. */
public record SortPlan(Path folder, Path defaultDestination, Map<String, Integer> perRoomType, int photos,
                       int unreadable) {

    public SortPlan {
        perRoomType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perRoomType));
    }

    public static SortPlan of(Review review) {
        Path folder = review.folder().toAbsolutePath().normalize();
        Map<String, Integer> counts = new LinkedHashMap<>(review.countsByLabel());
        counts.values().removeIf(n -> n == 0);
        int photos = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new SortPlan(folder, defaultDestination(folder), counts, photos, (int) review.unreadableCount());
    }

    /** {@code <folder>_classified} beside the shoot folder. */
    public static Path defaultDestination(Path folder) {
        Path name = folder.getFileName();
        return folder.resolveSibling((name == null ? "shoot" : name.toString()) + "_classified");
    }
}
