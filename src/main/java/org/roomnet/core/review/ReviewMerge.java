package org.roomnet.core.review;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Merges the review file found on disk ("theirs": saved by another window or machine since this one
 * last read or wrote it) with this window's review ("mine"), photo by photo:
 * <ol>
 * <li>a photo in one of them only is kept;</li>
 * <li>in both, made from different versions of the file (size or modification time): the one made
 *     from the file as it is now wins (mine when neither is);</li>
 * <li>else the newer agent edit wins ({@link SavedPhoto#editedMillis}); on a tie, mine;</li>
 * <li>at most one cover: where the merge leaves several, the most recently edited keeps it.</li>
 * </ol>
 * Reviews made with different room types are not merged: mine is written, theirs stays in the backup.
 */
final class ReviewMerge {

    private ReviewMerge() {}

    /**
     * @param merged      what to write
     * @param changed     photos of {@code merged} that differ from mine (their edits, or a cover given up),
     *                    for the window to show
     * @param theirsLost  theirs could not be merged (other room types): it is kept in the backup only
     */
    record Result(SavedReview merged, List<SavedPhoto> changed, boolean theirsLost) {}

    static Result merge(SavedReview theirs, SavedReview mine) {
        if (theirs == null) {
            return new Result(mine, List.of(), false);
        }
        if (!theirs.classNames().equals(mine.classNames())) {
            return new Result(mine, List.of(), !theirs.photos().isEmpty());
        }
        Map<Path, SavedPhoto> merged = new LinkedHashMap<>();
        Map<Path, SavedPhoto> mineByFile = new LinkedHashMap<>();
        for (SavedPhoto m : mine.photos()) {
            mineByFile.put(key(m), m);
            merged.put(key(m), m);
        }
        for (SavedPhoto t : theirs.photos()) {
            merged.merge(key(t), t, (m, th) -> pick(m, th));
        }
        oneCover(merged);
        List<SavedPhoto> changed = new ArrayList<>();
        merged.forEach((file, p) -> {
            SavedPhoto m = mineByFile.get(file);
            if (m == null || !m.review().equals(p.review())) {
                changed.add(p);
            }
        });
        return new Result(
                new SavedReview(mine.modelName(), mine.modelVersion(), mine.classNames(), List.copyOf(merged.values())),
                List.copyOf(changed),
                false);
    }

    private static SavedPhoto pick(SavedPhoto mine, SavedPhoto theirs) {
        if (!mine.stamp().equals(theirs.stamp())) {
            Optional<FileStamp> now = FileStamp.of(mine.review().file());
            return now.isPresent()
                            && now.get().equals(theirs.stamp())
                            && !now.get().equals(mine.stamp())
                    ? theirs
                    : mine;
        }
        return theirs.editedMillis() > mine.editedMillis() ? theirs : mine;
    }

    private static void oneCover(Map<Path, SavedPhoto> merged) {
        SavedPhoto keep = null;
        for (SavedPhoto p : merged.values()) {
            if (p.review().listing().cover() && (keep == null || p.editedMillis() > keep.editedMillis())) {
                keep = p;
            }
        }
        for (Map.Entry<Path, SavedPhoto> e : merged.entrySet()) {
            SavedPhoto p = e.getValue();
            if (p != keep && p.review().listing().cover()) {
                e.setValue(new SavedPhoto(
                        p.review().withListing(p.review().listing().withCover(false)), p.stamp(), p.editedMillis()));
            }
        }
    }

    private static Path key(SavedPhoto p) {
        return Objects.requireNonNull(p.review().file()).toAbsolutePath().normalize();
    }
}
