package org.roomnet.core.organize;

import java.util.List;

/**
 * What undo did: {@code restored} files put right (copies removed after a copy, photos moved back
 * after a move); {@code problems} lists what it left alone, with the reason. {@code complete} is
 * false when an operation failed (a read-only or missing folder, say): the journal then records what
 * is left and a later undo finishes the job.
 */
public record UndoResult(TransferMode mode, int restored, List<String> problems, boolean complete) {
    public UndoResult {
        problems = List.copyOf(problems);
    }

    /** "12 copies removed", "12 photos moved back". */
    public String summary() {
        return mode == TransferMode.COPY
                ? String.format("%,d %s removed", restored, restored == 1 ? "copy" : "copies")
                : String.format("%,d %s moved back", restored, restored == 1 ? "photo" : "photos");
    }
}
