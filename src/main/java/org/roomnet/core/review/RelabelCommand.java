package org.roomnet.core.review;

import java.nio.file.Path;
import java.util.List;

/**
 * One undoable edit: the agent labels of one or more photos, before and after. Relabelling a whole
 * selection is one command, so one undo puts every photo of it back.
 */
public record RelabelCommand(List<Change> changes, String label) {

    /** One photo's agent label before and after; null means "as the model said, untouched". */
    public record Change(Path file, String before, String after) {
    }

    public RelabelCommand {
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a command changes at least one photo");
        }
    }

    /** For menus: "Label 3 photos as Kitchen". */
    public String description() {
        int n = changes.size();
        return "Label " + (n == 1 ? changes.get(0).file().getFileName() : String.format("%,d photos", n)) + " as " + label;
    }
}
