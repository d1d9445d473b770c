package org.roomnet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeException;
import org.roomnet.core.organize.OrganizeRun;
import org.roomnet.core.organize.UndoResult;
import org.roomnet.core.organize.Undoer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "undo",
        mixinStandardHelpOptions = true,
        description = "Revert the last organize run from <folder> that still has files out of place (also an"
                + " interrupted one); --list shows the runs, --run picks one.")
public final class UndoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<folder>")
    Path folder;

    @Option(names = "--list", description = "list the organize runs from <folder>, oldest first, and undo nothing")
    boolean list;

    @Option(names = "--run", paramLabel = "<id>", description = "undo this run (an id from --list)")
    String run;

    @Override
    public Integer call() {
        Undoer undoer = new Undoer(JournalStore.defaultStore());
        try {
            if (list) {
                List<OrganizeRun> runs = undoer.runs(folder);
                if (runs.isEmpty()) {
                    System.err.println(
                            "no organize run from " + folder.toAbsolutePath().normalize());
                }
                runs.forEach(r -> System.out.printf(
                        "%s  %-4s %4d files into %s  %s%n",
                        r.id(), r.mode().name().toLowerCase(), r.files(), r.destination(), r.state()));
                return RoomNetCommand.EXIT_OK;
            }
            UndoResult result = run != null ? undoer.undoRun(folder, run) : undoer.undoLast(folder);
            System.err.printf("undone: %s%n", result.summary());
            result.problems().forEach(p -> System.err.println("  left alone: " + p));
            if (!result.notWritten().isEmpty()) {
                System.err.println(
                        result.notWrittenSummary() + " (another run's or yours; this undo never touches them):");
                result.notWritten().stream().limit(5).forEach(p -> System.err.println("  " + p));
                if (result.notWritten().size() > 5) {
                    System.err.printf("  and %,d more%n", result.notWritten().size() - 5);
                }
            }
            if (!result.complete()) {
                System.err.println("not every file could be put back; once the cause is fixed, undo again to finish");
            }
            return result.problems().isEmpty() ? RoomNetCommand.EXIT_OK : RoomNetCommand.EXIT_FILES;
        } catch (OrganizeException e) {
            System.err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        }
    }
}
