package org.roomnet.core.review;

import org.roomnet.core.organize.Assignment;
import org.roomnet.core.report.Report;
import org.roomnet.core.report.ReportRow;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The review of one shoot: every file in the order it was added, and the agent's edits as commands
 * on an undo/redo stack. Adding classification results is not an edit (it cannot be undone); every
 * change of a label is. Not thread-safe: use it from one thread (the app's UI thread).
 */
public final class Review {

    private final Path folder;
    private final List<String> classNames;
    private final Map<Path, PhotoReview> photos = new LinkedHashMap<>();
    private final Deque<RelabelCommand> undo = new ArrayDeque<>();
    private final Deque<RelabelCommand> redo = new ArrayDeque<>();
    private final List<ReviewListener> listeners = new CopyOnWriteArrayList<>();

    public Review(Path folder, List<String> classNames) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.classNames = List.copyOf(classNames);
        if (this.classNames.isEmpty()) {
            throw new IllegalArgumentException("a review needs the room types");
        }
    }

    public Path folder() {
        return folder;
    }

    /** The room types, in the model's order. */
    public List<String> classNames() {
        return classNames;
    }

    public void addListener(ReviewListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ReviewListener listener) {
        listeners.remove(listener);
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
     */
    public boolean relabel(Collection<Path> files, String label) {
        requireKnownLabel(Objects.requireNonNull(label, "label"));
        List<RelabelCommand.Change> changes = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Path f : files) {
            PhotoReview p = photos.get(f);
            if (p != null && p.isReadable() && !label.equals(p.agentLabel()) && seen.add(f)) {
                changes.add(new RelabelCommand.Change(f, p.agentLabel(), label));
            }
        }
        if (changes.isEmpty()) {
            return false;
        }
        RelabelCommand command = new RelabelCommand(changes, label);
        apply(command, false);
        undo.push(command);
        redo.clear();
        listeners.forEach(ReviewListener::historyChanged);
        return true;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What undo would revert, for menus. */
    public Optional<RelabelCommand> nextUndo() {
        return Optional.ofNullable(undo.peek());
    }

    public Optional<RelabelCommand> nextRedo() {
        return Optional.ofNullable(redo.peek());
    }

    /** Reverts the last edit; returns it, or empty when there is none. */
    public Optional<RelabelCommand> undo() {
        RelabelCommand command = undo.poll();
        if (command == null) {
            return Optional.empty();
        }
        apply(command, true);
        redo.push(command);
        listeners.forEach(ReviewListener::historyChanged);
        return Optional.of(command);
    }

    /** Applies the last undone edit again; returns it, or empty when there is none. */
    public Optional<RelabelCommand> redo() {
        RelabelCommand command = redo.poll();
        if (command == null) {
            return Optional.empty();
        }
        apply(command, false);
        undo.push(command);
        listeners.forEach(ReviewListener::historyChanged);
        return Optional.of(command);
    }

    private void apply(RelabelCommand command, boolean backwards) {
        List<PhotoReview> changed = new ArrayList<>(command.changes().size());
        for (RelabelCommand.Change c : command.changes()) {
            PhotoReview p = photos.get(c.file());
            if (p != null) {
                PhotoReview updated = p.withAgentLabel(backwards ? c.before() : c.after());
                photos.put(c.file(), updated);
                changed.add(updated);
            }
        }
        List<PhotoReview> list = List.copyOf(changed);
        listeners.forEach(l -> l.photosChanged(list));
    }

    /** Photos per final label, every room type present (zero when empty), in the model's order. */
    public Map<String, Integer> countsByLabel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        classNames.forEach(c -> counts.put(c, 0));
        photos.values().stream().filter(PhotoReview::isReadable)
                .forEach(p -> counts.merge(p.finalLabel(), 1, Integer::sum));
        return counts;
    }

    public long unreadableCount() {
        return photos.values().stream().filter(p -> !p.isReadable()).count();
    }

    public long needsReviewCount() {
        return photos.values().stream().filter(ReviewRules::needsReview).count();
    }

    public long correctedCount() {
        return photos.values().stream().filter(PhotoReview::isCorrected).count();
    }

    /** The report of the review as it stands: final label, the model's label beside it, corrected or not. */
    public Report toReport() {
        List<ReportRow> rows = new ArrayList<>(photos.size());
        for (PhotoReview p : photos.values()) {
            String file = relative(p.file());
            if (p.isReadable()) {
                rows.add(new ReportRow(file, folder.toString(), p.finalLabel(), p.modelLabel(), p.confidence(),
                        p.isCorrected(), "", p.scores()));
            } else {
                rows.add(new ReportRow(file, folder.toString(), "", "", 0f, false, p.error(), List.of()));
            }
        }
        return new Report(classNames, rows);
    }

    /** Where each readable photo goes when sorted into room folders: its final label. Unreadable files stay. */
    public List<Assignment> assignments() {
        return photos.values().stream().filter(PhotoReview::isReadable)
                .map(p -> new Assignment(p.file(), p.finalLabel())).toList();
    }

    private String relative(Path file) {
        return Report.relative(folder, file);
    }

    private void requireKnownLabel(String label) {
        if (label != null && !classNames.contains(label)) {
            throw new IllegalArgumentException("unknown room type '" + label + "'; the model knows " + classNames);
        }
    }
}
