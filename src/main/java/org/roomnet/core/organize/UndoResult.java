package org.roomnet.core.organize;

import java.nio.file.Path;
import java.util.List;

/**
 * What undo did: {@code restored} files put right (copies removed after a copy, photos moved back
 * after a move); {@code problems} lists what it left alone, with the reason. {@code complete} is
 * false when an operation failed (a read-only or missing folder, say): the journal then records what
 * is left and a later undo finishes the job. {@code notWritten}: files at the run's planned targets
 * that the run did not write (another run's, or the user's), left as they are (decision 0012).
 */
public record UndoResult(
        TransferMode mode, int restored, List<String> problems, boolean complete, List<Path> notWritten) {
    public UndoResult {
        problems = List.copyOf(problems);
        notWritten = List.copyOf(notWritten);
    }

    /** "12 copies removed", "12 photos moved back". */
    public String summary() {
        return mode == TransferMode.COPY
                ? String.format("%,d %s removed", restored, restored == 1 ? "copy" : "copies")
                : String.format("%,d %s moved back", restored, restored == 1 ? "photo" : "photos");
    }

    /** "left: 290 files at targets that this run did not write"; empty when there are none. */
    public String notWrittenSummary() {
        if (notWritten.isEmpty()) {
            return "";
        }
        return String.format(
                "left: %,d %s at targets that this run did not write",
                notWritten.size(), notWritten.size() == 1 ? "file" : "files");
    }
}
