package org.roomnet.core.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What opening a shoot again takes:
 * <ul>
 * <li>{@code restored}: the photos whose saved review still holds (same file name, size and
 *     modification time);</li>
 * <li>{@code toClassify}: the files opened now that are new or changed;</li>
 * <li>{@code carried}: saved photos outside the files opened now whose files still exist unchanged;</li>
 * <li>{@code away}: saved photos whose files are gone, typically moved out by "Sort into Folders",
 *     or not readable now. Their review is kept, so that "Undo Last Sort" (which keeps the name, size
 *     and modification time when it moves a photo back by hard link) brings the agent's labels back
 *     with the photo.</li>
 * </ul>
 * Carried and away photos are kept in the sidecar only: not shown, counted, exported or sorted.
 * Saved photos whose files exist but changed are dropped (the file is classified again when opened).
 * A saved review made with other room types than the current model's is not used at all.
 *
 * @param classNames the room types of the review: the saved ones, or the model's when nothing is restored
 * @param dropped    saved photos not used: their files changed, or the room types differ
 */
public record RestorePlan(
        List<String> classNames,
        List<SavedPhoto> restored,
        List<Path> toClassify,
        List<SavedPhoto> carried,
        List<SavedPhoto> away,
        int dropped,
        String note) {

    public RestorePlan {
        classNames = List.copyOf(classNames);
        restored = List.copyOf(restored);
        toClassify = List.copyOf(toClassify);
        carried = List.copyOf(carried);
        away = List.copyOf(away);
    }

    /**
     * @param saved        the sidecar's content, if any
     * @param files        the files of the shoot as opened now (all exist)
     * @param modelClasses the current model's room types, or null when no model could be loaded
     */
    public static RestorePlan of(Optional<SavedReview> saved, List<Path> files, List<String> modelClasses) {
        if (saved.isEmpty()) {
            return new RestorePlan(
                    modelClasses == null ? List.of() : modelClasses, List.of(), files, List.of(), List.of(), 0, "");
        }
        SavedReview s = saved.get();
        if (modelClasses != null && !modelClasses.equals(s.classNames())) {
            return new RestorePlan(
                    modelClasses,
                    List.of(),
                    files,
                    List.of(),
                    List.of(),
                    s.photos().size(),
                    "the saved review was made with other room types " + s.classNames() + "; classifying again");
        }
        Map<Path, SavedPhoto> byFile = new HashMap<>();
        for (SavedPhoto p : s.photos()) {
            byFile.put(normal(p.review().file()), p);
        }
        List<SavedPhoto> restored = new ArrayList<>();
        List<Path> toClassify = new ArrayList<>();
        int dropped = 0;
        for (Path f : files) {
            SavedPhoto p = byFile.remove(normal(f));
            if (p != null && FileStamp.of(f).map(p.stamp()::equals).orElse(false)) {
                restored.add(p);
            } else {
                if (p != null) {
                    dropped++;
                }
                toClassify.add(f);
            }
        }
        List<SavedPhoto> carried = new ArrayList<>();
        List<SavedPhoto> away = new ArrayList<>();
        for (SavedPhoto p : byFile.values()) {
            Optional<FileStamp> now = FileStamp.of(p.review().file());
            if (now.isEmpty()) {
                away.add(p);
            } else if (now.get().equals(p.stamp())) {
                carried.add(p);
            } else {
                dropped++;
            }
        }
        Comparator<SavedPhoto> byPath = Comparator.comparing(p -> p.review().file());
        carried.sort(byPath);
        away.sort(byPath);
        return new RestorePlan(s.classNames(), restored, toClassify, carried, away, dropped, "");
    }

    /** Every saved photo that is not opened now but stays in the sidecar: the carried ones, then those away. */
    public List<SavedPhoto> kept() {
        List<SavedPhoto> kept = new ArrayList<>(carried.size() + away.size());
        kept.addAll(carried);
        kept.addAll(away);
        return List.copyOf(kept);
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
