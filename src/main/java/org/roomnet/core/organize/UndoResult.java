package org.roomnet.core.organize;

import java.util.List;

/** What undo did; {@code problems} lists files it left alone on purpose, with the reason. */
public record UndoResult(int restored, List<String> problems) {
    public UndoResult {
        problems = List.copyOf(problems);
    }
}
