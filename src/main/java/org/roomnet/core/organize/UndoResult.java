package org.roomnet.core.organize;

import java.util.List;

/**
 * What undo did; {@code problems} lists files it left alone, with the reason. {@code complete} is
 * false when an operation failed (a read-only or missing folder, say): the journal then records what
 * is left and a later undo finishes the job.
 */
public record UndoResult(int restored, List<String> problems, boolean complete) {
    public UndoResult {
        problems = List.copyOf(problems);
    }
}
