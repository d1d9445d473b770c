package org.roomnet.core.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What opening a shoot again takes: the photos whose saved review still holds (same file name, size
 * and modification time), the files to classify (new or changed), and the saved photos outside the
 * files opened now that still exist unchanged ({@code carried}: kept in the sidecar, not shown).
 * Saved photos whose files are gone or changed are dropped. A saved review made with other room
 * types than the current model's is not used at all.
 *
 * @param classNames the room types of the review: the saved ones, or the model's when nothing is restored
 */
public record RestorePlan(List<String> classNames, List<SavedPhoto> restored, List<Path> toClassify,
                          List<SavedPhoto> carried, int dropped, String note) {

    public RestorePlan {
        classNames = List.copyOf(classNames);
        restored = List.copyOf(restored);
        toClassify = List.copyOf(toClassify);
        carried = List.copyOf(carried);
    }

    /**
     * @param saved        the sidecar's content, if any
     * @param files        the files of the shoot as opened now
     * @param modelClasses the current model's room types, or null when no model could be loaded
     */
    public static RestorePlan of(Optional<SavedReview> saved, List<Path> files, List<String> modelClasses) {
        if (saved.isEmpty()) {
            return new RestorePlan(modelClasses == null ? List.of() : modelClasses, List.of(), files, List.of(), 0, "");
        }
        SavedReview s = saved.get();
        if (modelClasses != null && !modelClasses.equals(s.classNames())) {
            return new RestorePlan(modelClasses, List.of(), files, List.of(), s.photos().size(),
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
        for (SavedPhoto p : byFile.values()) {
            if (FileStamp.of(p.review().file()).map(p.stamp()::equals).orElse(false)) {
                carried.add(p);
            } else {
                dropped++;
            }
        }
        carried.sort((a, b) -> a.review().file().compareTo(b.review().file()));
        return new RestorePlan(s.classNames(), restored, toClassify, carried, dropped, "");
    }

    public boolean restoresAnything() {
        return !restored.isEmpty();
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
