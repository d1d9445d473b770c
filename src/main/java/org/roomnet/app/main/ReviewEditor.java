package org.roomnet.app.main;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.photos.Selection;
import org.roomnet.core.review.Review;
import org.roomnet.core.review.ReviewListener;
import org.roomnet.core.util.Words;

/** The agent's edits of the open review: labelling (by key, drag or menu), confirming, rejecting, the cover, undo and redo. UI thread. */
public final class ReviewEditor {

    private final PhotoGroups photos;
    private final StatusModel status;
    private final ReadOnlyStringProperty claimNotice;
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private Review review;

    ReviewEditor(PhotoGroups photos, StatusModel status, ReadOnlyStringProperty claimNotice) {
        this.photos = photos;
        this.status = status;
        this.claimNotice = claimNotice;
    }

    /** The review is read-only (open elsewhere): says so and returns true. */
    private boolean refusedReadOnly() {
        if (review == null || !review.isReadOnly()) {
            return false;
        }
        status.show(claimNotice.get().isEmpty() ? "This shoot is read-only here." : claimNotice.get(), true);
        return true;
    }

    void attach(Review next) {
        review = next;
        if (next != null) {
            next.addListener(new ReviewListener() {
                @Override
                public void historyChanged() {
                    if (next == review) {
                        updateHistory();
                    }
                }
            });
        }
        updateHistory();
    }

    private void updateHistory() {
        canUndo.set(review != null && review.canUndo());
        canRedo.set(review != null && review.canRedo());
        undoText.set(
                review == null
                        ? "Undo"
                        : review.nextUndo()
                                .map(c -> "Undo " + lower(c.description()))
                                .orElse("Undo"));
        redoText.set(
                review == null
                        ? "Redo"
                        : review.nextRedo()
                                .map(c -> "Redo " + lower(c.description()))
                                .orElse("Redo"));
    }

    /** Labels the photos as {@code label}: one undoable step. The model's own label confirms them (✓). */
    public boolean relabel(List<PhotoItem> items, String label) {
        if (review == null || items.isEmpty() || refusedReadOnly()) {
            return false;
        }
        boolean changed = review.relabel(items.stream().map(PhotoItem::file).toList(), label);
        if (changed) {
            status.show(
                    (items.size() == 1 ? items.get(0).fileName() : Words.plural(items.size(), "photo")) + " labelled "
                            + label + ".",
                    false);
        }
        return changed;
    }

    /**
     * Labels the selection with the room type of number key {@code key} (1-based) and selects the
     * next photo, so the agent can go through a group with the number keys alone.
     */
    public boolean relabelSelectionWithKey(int key) {
        if (review == null || key < 1 || key > photos.groups().size()) {
            return false;
        }
        return relabelSelection(photos.groups().get(key - 1).label());
    }

    public boolean relabelSelection(String label) {
        PhotoGroup g = photos.current();
        Selection selection = photos.selection();
        if (g == null || selection.isEmpty()) {
            return false;
        }
        List<PhotoItem> selected = selection.items();
        PhotoItem next = PhotoGroups.nextAfter(List.copyOf(g.shown()), selected);
        boolean changed = relabel(selected, label);
        selection.selectOnly(next != null && g.shown().contains(next) ? next : null);
        return changed;
    }

    /** Confirms every photo shown in the group on screen as its room type: one undoable step. */
    public boolean confirmShown() {
        PhotoGroup g = photos.current();
        if (g == null || g == photos.unreadableProperty().get()) {
            return false;
        }
        if (photos.isReviewQueue(g)) {
            // its photos are of several rooms: each is confirmed with its own room's number
            status.show("In Needs review, confirm a photo with its own room's number key.", false);
            return false;
        }
        return relabel(List.copyOf(g.shown()), g.label());
    }

    /** X: rejects the selected photos (left out of the listing), or takes them back when all are rejected. */
    public boolean toggleRejectedSelection() {
        List<PhotoItem> selected = photos.selection().items();
        if (review == null || selected.isEmpty() || refusedReadOnly()) {
            return false;
        }
        boolean changed =
                review.toggleRejected(selected.stream().map(PhotoItem::file).toList());
        if (changed) {
            boolean rejected = review.get(selected.get(0).file())
                    .map(p -> p.listing().rejected())
                    .orElse(false);
            String what = selected.size() == 1 ? selected.get(0).fileName() : Words.plural(selected.size(), "photo");
            status.show(
                    rejected
                            ? "Rejected " + what + ": left out of the listing (X takes back)."
                            : "Took back " + what + " into the listing.",
                    false);
        }
        return changed;
    }

    /** C: makes the selected photo (the anchor of a selection) the listing's cover, or, on the cover, none. */
    public boolean toggleCoverSelection() {
        Selection selection = photos.selection();
        PhotoItem item = selection.anchor() != null
                ? selection.anchor()
                : selection.isEmpty() ? null : selection.items().get(0);
        if (review == null || item == null || refusedReadOnly()) {
            return false;
        }
        boolean changed = review.toggleCover(item.file());
        if (changed) {
            boolean cover =
                    review.get(item.file()).map(p -> p.listing().cover()).orElse(false);
            status.show(
                    cover ? item.fileName() + " is the cover: first in the listing." : "The listing has no cover now.",
                    false);
        }
        return changed;
    }

    public void undo() {
        if (review != null && !refusedReadOnly()) {
            review.undo().ifPresent(c -> status.show("Undone: " + lower(c.description()) + ".", false));
        }
    }

    public void redo() {
        if (review != null && !refusedReadOnly()) {
            review.redo().ifPresent(c -> status.show("Redone: " + lower(c.description()) + ".", false));
        }
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
