package org.roomnet.core.organize;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reverts the last organize run from a folder, also one that was interrupted by a crash or kill:
 * moved files go back, copies are removed (only when they still match the original), folders the
 * run created are removed when empty. Files it cannot safely restore are left and reported.
 */
public final class Undoer {

    private final JournalStore journals;

    public Undoer(JournalStore journals) {
        this.journals = journals;
    }

    public UndoResult undoLast(Path sourceFolder) throws OrganizeException {
        Path source = sourceFolder.toAbsolutePath().normalize();
        try {
            Optional<Path> latest = journals.latest(source);
            if (latest.isEmpty()) {
                throw new OrganizeException("no organize run from " + source + " to undo");
            }
            Journal journal = Journal.read(latest.get());
            if (!journal.needsUndo()) {
                throw new OrganizeException("the last organize run from " + source + " was already "
                        + (journal.state() == Journal.State.UNDONE ? "undone" : "rolled back") + "; nothing to undo");
            }
            try (journal) {
                journal.openForAppend();
                UndoResult result = revert(journal);
                journal.finish(Journal.State.UNDONE);
                return result;
            }
        } catch (IOException e) {
            throw new OrganizeException("undo failed: " + e.getMessage(), e);
        }
    }

    /** Puts back every planned file, whatever point the run reached. */
    static UndoResult revert(Journal journal) {
        List<String> problems = new ArrayList<>();
        int restored = 0;
        List<Journal.Entry> entries = new ArrayList<>(journal.entries());
        java.util.Collections.reverse(entries);
        for (Journal.Entry e : entries) {
            try {
                Files.deleteIfExists(FileTransfer.partFile(e.target()));
                if (revertOne(journal, e, problems)) {
                    restored++;
                }
            } catch (IOException ex) {
                problems.add(e.target() + ": " + ex.getMessage());
            }
        }
        List<Path> dirs = new ArrayList<>(journal.createdDirs());
        java.util.Collections.reverse(dirs);
        for (Path dir : dirs) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException ex) {
                problems.add(dir + " holds other files; left in place");
            } catch (IOException ex) {
                problems.add(dir + ": " + ex.getMessage());
            }
        }
        return new UndoResult(journal.mode(), restored, problems);
    }

    private static boolean revertOne(Journal journal, Journal.Entry e, List<String> problems) throws IOException {
        boolean targetExists = Files.exists(e.target());
        boolean sourceExists = Files.exists(e.source());
        if (!targetExists) {
            if (!sourceExists) {
                problems.add(e.source() + " is neither in place nor at " + e.target());
            }
            return false;
        }
        if (journal.mode() == TransferMode.MOVE && !sourceExists) {
            FileTransfer.moveSafely(e.target(), e.source());
            return true;
        }
        if (!sourceExists) {
            problems.add(e.target() + " kept: it is the only copy left, " + e.source() + " is gone");
            return false;
        }
        if (FileTransfer.sameContent(e.source(), e.target())) {
            Files.delete(e.target());
            return true;
        }
        problems.add(e.target() + " differs from " + e.source() + "; left in place");
        return false;
    }
}
