package org.roomnet.core.review;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import org.roomnet.core.memory.RoomTypeNames;
import org.roomnet.core.organize.Assignment;

/**
 * The review of one shoot: every file in the order it was added, and the agent's edits as commands
 * on an undo/redo stack. Adding classification results is not an edit (it cannot be undone); every
 * change the agent makes is: a label, a rejected photo, the cover, the listing order. Not thread-safe: use it from one thread (the app's UI thread).
 */
public final class Review {

    private final Path folder;
    /** The model's room types, then those the agent added; replaced (never changed) when one is added. */
    private List<String> classNames;

    private final ReviewRules rules;
    private final Map<Path, PhotoReview> photos = new LinkedHashMap<>();
    private final Deque<ReviewEdit> undo = new ArrayDeque<>();
    private final Deque<ReviewEdit> redo = new ArrayDeque<>();
    private final List<ReviewListener> listeners = new CopyOnWriteArrayList<>();
    /** When the agent last changed each photo (epoch ms): the merge of two saves goes by it. */
    private final Map<Path, Long> edited = new HashMap<>();

    private final LongSupplier clock;
    private boolean readOnly;

    public Review(Path folder, List<String> classNames) {
        this(folder, classNames, ReviewRules.FIXED);
    }

    public Review(Path folder, List<String> classNames, ReviewRules rules) {
        this(folder, classNames, rules, System::currentTimeMillis);
    }

    Review(Path folder, List<String> classNames, ReviewRules rules, LongSupplier clock) {
        this.clock = clock;
        this.folder = Objects.requireNonNull(folder, "folder");
        this.classNames = List.copyOf(classNames);
        this.rules = Objects.requireNonNull(rules, "rules");
        if (this.classNames.isEmpty()) {
            throw new IllegalArgumentException("a review needs the room types");
        }
    }

    public Path folder() {
        return folder;
    }

    /** The room types: the model's in its order, then those the agent added. */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * Adds a room type the agent names (issue 16): an empty room, after the others, that photos can then be
     * labelled with. Not an edit (undo leaves it; an empty room is harmless and is saved with the review).
     * Returns false when read-only.
     *
     * @param name the name, as {@link RoomTypeNames#tidy} leaves it
     * @throws IllegalArgumentException saying why it cannot be a room type (a folder name's rules, or the
     *                                  same as an existing room type ignoring case)
     */
    public boolean addRoomType(String name) {
        Optional<String> problem = RoomTypeNames.problemOfNew(Objects.requireNonNull(name, "name"), classNames);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        if (readOnly) {
            return false;
        }
        List<String> more = new ArrayList<>(classNames);
        more.add(name);
        classNames = List.copyOf(more);
        listeners.forEach(l -> l.roomTypeAdded(name));
        return true;
    }

    /** When a photo needs the agent's look: the model's own thresholds. */
    public ReviewRules rules() {
        return rules;
    }

    public void addListener(ReviewListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ReviewListener listener) {
        listeners.remove(listener);
    }

    /**
     * Read-only (the shoot is open for review elsewhere): every edit, undo and redo is refused (returns
     * false or empty) until this is set back.
     */
    public void setReadOnly(boolean value) {
        readOnly = value;
        listeners.forEach(ReviewListener::historyChanged);
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** When the agent last changed {@code file} (epoch ms; 0: never). */
    public long editedAt(Path file) {
        return edited.getOrDefault(file, 0L);
    }

    /** Every photo's edit time, for saving. */
    public Map<Path, Long> editTimes() {
        return Map.copyOf(edited);
    }

    /** Photos restored from the saved review, with the times the agent last edited them. */
    public void addSaved(Collection<SavedPhoto> saved) {
        addAll(saved.stream().map(SavedPhoto::review).toList());
        saved.stream()
                .filter(s -> s.editedMillis() > 0)
                .forEach(s -> edited.put(s.review().file(), s.editedMillis()));
    }

    /**
     * Takes in what another window saved (its newer edits, merged by {@link ReviewStore}): each photo of
     * this review among {@code saved} whose edit is not older than this review's own edit of it takes
     * that state. Not an edit of this window (nothing to undo). Returns the photos that changed.
     */
    public List<PhotoReview> adopt(Collection<SavedPhoto> saved) {
        List<PhotoReview> changed = new ArrayList<>();
        for (SavedPhoto s : saved) {
            Path file = s.review().file();
            PhotoReview now = photos.get(file);
            if (now == null || s.editedMillis() < editedAt(file) || now.equals(s.review())) {
                continue;
            }
            requireKnownLabel(s.review().agentLabel());
            photos.put(file, s.review());
            edited.put(file, Math.max(s.editedMillis(), editedAt(file)));
            changed.add(s.review());
        }
        if (!changed.isEmpty()) {
            List<PhotoReview> list = List.copyOf(changed);
            listeners.forEach(l -> l.photosChanged(list));
        }
        return List.copyOf(changed);
    }

    /** Adds photos (a photo already present is replaced, its agent label with it). */
    public void addAll(Collection<PhotoReview> added) {
        if (added.isEmpty()) {
            return;
        }
        for (PhotoReview p : added) {
            requireKnownLabel(p.modelLabel());
            requireKnownLabel(p.agentLabel());
            photos.put(p.file(), p);
            edited.remove(p.file());
        }
        List<PhotoReview> list = List.copyOf(added);
        listeners.forEach(l -> l.photosAdded(list));
    }

    public void add(PhotoReview photo) {
        addAll(List.of(photo));
    }

    public Optional<PhotoReview> get(Path file) {
        return Optional.ofNullable(photos.get(file));
    }

    /** A snapshot of every file, in the order added. */
    public List<PhotoReview> photos() {
        return List.copyOf(photos.values());
    }

    public int size() {
        return photos.size();
    }

    /**
     * Sets the agent's label of the given files, as one undoable step. Unreadable and unknown files,
     * and files that already carry this agent label, are left out. Returns false when nothing changed.
     * Giving a photo the model's own label confirms it: it counts as reviewed.
     */
    public boolean relabel(Collection<Path> files, String label) {
        requireKnownLabel(Objects.requireNonNull(label, "label"));
        List<ReviewEdit.Change> changes = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            PhotoReview p = photos.get(f);
            if (p != null && p.isReadable() && !label.equals(p.agentLabel()) && seen.add(f)) {
                changes.add(new ReviewEdit.Change(p, p.withAgentLabel(label)));
            }
        }
        return commit(changes.isEmpty() ? "" : ReviewEdit.labelDescription(changes, label), changes);
    }

    /**
     * Rejects the given photos (left out of the listing and its checklist), or, when every one of them
     * is rejected already, takes them back: one undoable step. A rejected cover is no longer the cover.
     * Unreadable and unknown files are left out; returns false when nothing changed.
     */
    public boolean toggleRejected(Collection<Path> files) {
        List<PhotoReview> chosen = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path f : files) {
            PhotoReview p = photos.get(f);
            if (p != null && p.isReadable() && seen.add(f)) {
                chosen.add(p);
            }
        }
        boolean reject = chosen.stream().anyMatch(p -> !p.listing().rejected());
        List<ReviewEdit.Change> changes = chosen.stream()
                .filter(p -> p.listing().rejected() != reject)
                .map(p -> new ReviewEdit.Change(p, p.withListing(p.listing().withRejected(reject))))
                .toList();
        return commit(
                changes.isEmpty() ? "" : ReviewEdit.photosDescription(reject ? "Reject" : "Take back", changes),
                changes);
    }

    /**
     * Makes {@code file} the listing's cover (the photo shown first), taking it from the photo that had
     * it, or, when it is the cover already, leaves the listing without one: one undoable step. A
     * rejected photo made the cover is taken back.
     */
    public boolean toggleCover(Path file) {
        PhotoReview p = photos.get(file);
        if (p == null || !p.isReadable()) {
            return false;
        }
        List<ReviewEdit.Change> changes = new ArrayList<>();
        if (p.listing().cover()) {
            changes.add(new ReviewEdit.Change(p, p.withListing(p.listing().withCover(false))));
            return commit("Remove the cover " + p.fileName(), changes);
        }
        for (PhotoReview other : photos.values()) {
            if (other.listing().cover()) {
                changes.add(new ReviewEdit.Change(
                        other, other.withListing(other.listing().withCover(false))));
            }
        }
        changes.add(new ReviewEdit.Change(p, p.withListing(p.listing().withCover(true))));
        return commit("Make " + p.fileName() + " the cover", changes);
    }

    /**
     * The agent arranged the listing: {@code order} is every photo of the listing in its new order
     * (the cover first, when there is one). Each gets its position as its rank: one undoable step.
     * Returns false when no position changed.
     */
    public boolean arrangeListing(List<Path> order) {
        List<ReviewEdit.Change> changes = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        int rank = 0;
        for (Path f : order) {
            PhotoReview p = photos.get(f);
            if (p == null || !p.isListable() || !seen.add(f)) {
                continue;
            }
            rank++;
            if (p.listing().rank() != rank) {
                changes.add(new ReviewEdit.Change(p, p.withListing(p.listing().withRank(rank))));
            }
        }
        return commit("Reorder the listing", changes);
    }

    /** Applies and records an edit; false when there is nothing to change. */
    private boolean commit(String description, List<ReviewEdit.Change> changes) {
        if (changes.isEmpty() || readOnly) {
            return false;
        }
        ReviewEdit edit = new ReviewEdit(description, changes);
        apply(edit, false);
        undo.push(edit);
        redo.clear();
        listeners.forEach(ReviewListener::historyChanged);
        return true;
    }

    public boolean canUndo() {
        return !readOnly && !undo.isEmpty();
    }

    public boolean canRedo() {
        return !readOnly && !redo.isEmpty();
    }

    /** What undo would revert, for menus. */
    public Optional<ReviewEdit> nextUndo() {
        return Optional.ofNullable(undo.peek());
    }

    public Optional<ReviewEdit> nextRedo() {
        return Optional.ofNullable(redo.peek());
    }

    /** Reverts the last edit; returns it, or empty when there is none. */
    public Optional<ReviewEdit> undo() {
        if (readOnly) {
            return Optional.empty();
        }
        ReviewEdit edit = undo.poll();
        if (edit == null) {
            return Optional.empty();
        }
        apply(edit, true);
        redo.push(edit);
        listeners.forEach(ReviewListener::historyChanged);
        return Optional.of(edit);
    }

    /** Applies the last undone edit again; returns it, or empty when there is none. */
    public Optional<ReviewEdit> redo() {
        if (readOnly) {
            return Optional.empty();
        }
        ReviewEdit edit = redo.poll();
        if (edit == null) {
            return Optional.empty();
        }
        apply(edit, false);
        undo.push(edit);
        listeners.forEach(ReviewListener::historyChanged);
        return Optional.of(edit);
    }

    private void apply(ReviewEdit edit, boolean backwards) {
        List<PhotoReview> changed = new ArrayList<>(edit.changes().size());
        long now = clock.getAsLong();
        for (ReviewEdit.Change c : edit.changes()) {
            if (photos.containsKey(c.file())) {
                PhotoReview state = backwards ? c.before() : c.after();
                photos.put(c.file(), state);
                // later than any edit this window has seen of the photo, whatever the clocks say
                edited.put(c.file(), Math.max(now, editedAt(c.file()) + 1));
                changed.add(state);
            }
        }
        List<PhotoReview> list = List.copyOf(changed);
        listeners.forEach(l -> l.photosChanged(list));
    }

    /** Photos per final label, every room type present (zero when empty), in the model's order. */
    public Map<String, Integer> countsByLabel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classNames.forEach(c -> counts.put(c, 0));
        photos.values().stream()
                .filter(PhotoReview::isReadable)
                .forEach(p -> counts.merge(p.finalLabel(), 1, Integer::sum));
        return counts;
    }

    /** Photos per final label that may go into the listing (readable, not rejected), every room type present. */
    public Map<String, Integer> listableCountsByLabel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classNames.forEach(c -> counts.put(c, 0));
        photos.values().stream()
                .filter(PhotoReview::isListable)
                .forEach(p -> counts.merge(p.finalLabel(), 1, Integer::sum));
        return counts;
    }

    public long unreadableCount() {
        return photos.values().stream().filter(p -> !p.isReadable()).count();
    }

    public long needsReviewCount() {
        return photos.values().stream().filter(rules::needsReview).count();
    }

    public long correctedCount() {
        return photos.values().stream().filter(PhotoReview::isCorrected).count();
    }

    public long readableCount() {
        return photos.values().stream().filter(PhotoReview::isReadable).count();
    }

    /** Readable photos the agent has labelled: confirmed (their own room's key) or corrected. */
    public long reviewedCount() {
        return photos.values().stream()
                .filter(p -> p.isReadable() && p.isReviewed())
                .count();
    }

    /**
     * Where each photo goes when sorted into room folders: readable photos to their final label,
     * damaged ones (when asked for) to the model's label; unreadable files stay.
     */
    public List<Assignment> assignments(boolean includeDamaged) {
        return photos.values().stream()
                .filter(p -> p.isReadable() || (includeDamaged && p.isDamaged()))
                .map(p -> new Assignment(p.file(), p.finalLabel()))
                .toList();
    }

    private void requireKnownLabel(String label) {
        if (label != null && !classNames.contains(label)) {
            throw new IllegalArgumentException("unknown room type '" + label + "'; the model knows " + classNames);
        }
    }
}
