package org.roomnet.cli;

import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeException;
import org.roomnet.core.organize.UndoResult;
import org.roomnet.core.organize.Undoer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Revert the last organize run that started from <folder> (also an interrupted one).")
public final class UndoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<folder>")
    Path folder;

    @Override
    public Integer call() {
        try {
            UndoResult result = new Undoer(JournalStore.defaultStore()).undoLast(folder);
            System.err.printf("undone: %s%n", result.summary());
            result.problems().forEach(p -> System.err.println("  left alone: " + p));
            return result.problems().isEmpty() ? RoomNetCommand.EXIT_OK : RoomNetCommand.EXIT_FILES;
        } catch (OrganizeException e) {
            System.err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        }
    }
}
