package org.roomnet.core.review;

import java.nio.file.Path;
import java.util.List;

/**
 * One undoable edit of a review: the state of one or more photos before and after it. Relabelling a
 * whole selection is one edit, so one undo puts every photo of it back. Any per-photo state the agent
 * sets (label, rejected, cover, listing order) is recorded the same way.
 */
public record ReviewEdit(String description, List<Change> changes) {

    /** One photo before and after the edit. */
    public record Change(PhotoReview before, PhotoReview after) {
        public Path file() {
            return after.file();
        }
    }

    public ReviewEdit {
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("an edit changes at least one photo");
        }
    }

    /** "Label 3 photos as Kitchen", "Label DSC_0012.jpg as Kitchen". */
    static String labelDescription(List<Change> changes, String label) {
        return photosDescription("Label", changes) + " as " + label;
    }

    /** "Reject 3 photos", "Reject DSC_0012.jpg". */
    static String photosDescription(String verb, List<Change> changes) {
        int n = changes.size();
        return verb + " " + (n == 1 ? changes.get(0).file().getFileName() : String.format("%,d photos", n));
    }
}
