package org.roomnet.app.main;

import java.util.ArrayList;
import java.util.List;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.photos.Selection;

/**
 * Going places by keyboard: to a side-bar entry (a room by its number, the one above or below), and to the
 * next or previous photo that needs review, whichever room it is in. UI thread.
 */
public final class GroupNavigator {

    private final PhotoGroups photos;
    private final StatusModel status;

    GroupNavigator(PhotoGroups photos, StatusModel status) {
        this.photos = photos;
        this.status = status;
    }

    /**
     * The side bar's entries from top to bottom: Needs review, the room types, the photos being classified
     * and the unreadable files (while there are any), the listing.
     */
    public List<PhotoGroup> entries() {
        List<PhotoGroup> entries = new ArrayList<>();
        if (photos.reviewQueueProperty().get() != null) {
            entries.add(photos.reviewQueueProperty().get());
        }
        entries.addAll(photos.groups());
        for (PhotoGroup g : new PhotoGroup[] {
            photos.pendingProperty().get(), photos.unreadableProperty().get()
        }) {
            if (g != null && g.count() > 0) {
                entries.add(g);
            }
        }
        if (photos.listingProperty().get() != null) {
            entries.add(photos.listingProperty().get());
        }
        return entries;
    }

    /** Shows the room type of number {@code key} (1-based, as on its tile), or Needs review for 0. */
    public boolean showRoom(int key) {
        PhotoGroup target = key == 0
                ? photos.reviewQueueProperty().get()
                : photos.groups().stream()
                        .filter(g -> g.key() == key)
                        .findFirst()
                        .orElse(null);
        return show(target);
    }

    /** Shows the side-bar entry {@code delta} places below the one on screen (above for a negative one). */
    public boolean step(int delta) {
        List<PhotoGroup> entries = entries();
        if (entries.isEmpty()) {
            return false;
        }
        int at = entries.indexOf(photos.current());
        int to = at < 0 ? (delta > 0 ? 0 : entries.size() - 1) : Math.max(0, Math.min(entries.size() - 1, at + delta));
        return show(entries.get(to));
    }

    private boolean show(PhotoGroup target) {
        if (target == null || target == photos.current()) {
            return false;
        }
        photos.choose(target);
        return true;
    }

    /**
     * Selects the next photo that needs review after the selected one ({@code forward}), or the one before,
     * going on into the next or previous rooms and round. In Needs review it stays there; elsewhere it shows
     * the photo's room. Returns the photo, or null when none needs review.
     */
    public PhotoItem nextFlagged(boolean forward) {
        PhotoGroup queue = photos.reviewQueueProperty().get();
        if (queue == null) {
            return null;
        }
        PhotoGroup current = photos.current();
        boolean inQueue = current == queue;
        boolean inRoom = current != null && photos.groups().contains(current);
        // the photos in the order the agent sees them: the queue's, or room after room as each is shown
        List<PhotoItem> sequence = new ArrayList<>();
        int roomStart = 0;
        if (inQueue) {
            sequence.addAll(queue.shown());
        } else {
            for (PhotoGroup g : photos.groups()) {
                if (g == current) {
                    roomStart = sequence.size();
                }
                sequence.addAll(g.shown());
            }
        }
        int n = sequence.size();
        Selection selection = photos.selection();
        PhotoItem anchor = selection.anchor() != null
                ? selection.anchor()
                : selection.isEmpty() ? null : selection.items().get(0);
        int at = (inQueue || inRoom) && anchor != null ? sequence.indexOf(anchor) : -1;
        // where to start looking: after / before the selected photo, else from the top of the room on screen
        int from = at >= 0
                ? (forward ? at + 1 : at - 1)
                : inRoom ? (forward ? roomStart : roomStart - 1) : forward ? 0 : n - 1;
        for (int k = 0; k < n; k++) {
            int i = Math.floorMod(forward ? from + k : from - k, n);
            PhotoItem candidate = sequence.get(i);
            if (candidate.needsReview()) {
                boolean round = forward ? from + k >= n : from - k < 0;
                select(candidate, inQueue);
                say(candidate, round, forward);
                return candidate;
            }
        }
        status.show("No photo needs review.", false);
        return null;
    }

    private void select(PhotoItem item, boolean inQueue) {
        if (!inQueue) {
            photos.group(item.review().finalLabel())
                    .filter(g -> g != photos.current())
                    .ifPresent(photos::choose);
        }
        photos.selection().selectOnly(item);
    }

    /** "DSC_0023 (Kitchen): 3 of 7 that need review", and whether the search went round. */
    private void say(PhotoItem item, boolean round, boolean forward) {
        PhotoGroup queue = photos.reviewQueueProperty().get();
        int total = queue.reviewCountProperty().get();
        int place = queue.shown().indexOf(item) + 1;
        String where = round ? (forward ? " \u00b7 back to the first" : " \u00b7 back to the last") : "";
        status.show(
                String.format(
                        "%s (%s): %,d of %,d that need review%s",
                        item.fileName(), item.review().finalLabel(), place, total, where),
                false);
    }
}
