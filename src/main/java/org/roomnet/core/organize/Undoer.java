package org.roomnet.core.organize;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reverts organize runs from a folder, also one that was interrupted by a crash or kill or whose
 * rollback could not finish: moved files go back, copies are removed (only when they still match
 * the original), folders the run created are removed when empty. Files it cannot safely restore are
 * left and reported. Runs are undone newest first; runs that changed nothing are skipped.
 */
public final class Undoer {

    private final JournalStore journals;

    public Undoer(JournalStore journals) {
        this.journals = journals;
    }

    /** Undoes the newest run from the folder that still has files out of place. */
    public UndoResult undoLast(Path sourceFolder) throws OrganizeException {
        Path source = sourceFolder.toAbsolutePath().normalize();
        try (ShootLock lock = ShootLock.acquire(journals, source)) {
            List<Journal> runs = read(source);
            if (runs.isEmpty()) {
                throw new OrganizeException("no organize run from " + source + " to undo");
            }
            Optional<Journal> last = runs.stream().filter(Journal::needsUndo).reduce((a, b) -> b);
            if (last.isEmpty()) {
                throw new OrganizeException("nothing to undo: every organize run from " + source
                        + " was already undone or rolled back, or changed nothing");
            }
            return undo(last.get());
        }
    }

    /** Undoes the run with this id (see {@link #runs}). */
    public UndoResult undoRun(Path sourceFolder, String id) throws OrganizeException {
        Path source = sourceFolder.toAbsolutePath().normalize();
        try (ShootLock lock = ShootLock.acquire(journals, source)) {
            Journal run = read(source).stream()
                    .filter(j -> j.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new OrganizeException(
                            "no organize run " + id + " from " + source + "; undo --list shows the runs"));
            if (!run.needsUndo()) {
                throw new OrganizeException("nothing to undo: run " + id + " is " + describe(run));
            }
            return undo(run);
        }
    }

    /** The runs from this folder, oldest first. */
    public List<OrganizeRun> runs(Path sourceFolder) throws OrganizeException {
        List<OrganizeRun> runs = new ArrayList<>();
        for (Journal j : read(sourceFolder.toAbsolutePath().normalize())) {
            runs.add(new OrganizeRun(
                    j.id(), j.mode(), j.destination(), j.entries().size(), describe(j), j.needsUndo()));
        }
        return runs;
    }

    private List<Journal> read(Path source) throws OrganizeException {
        try {
            List<Journal> runs = new ArrayList<>();
            for (Path file : journals.journals(source)) {
                runs.add(Journal.read(file));
            }
            return runs;
        } catch (IOException | RuntimeException e) {
            throw new OrganizeException("cannot read the journals of " + source + ": " + e.getMessage(), e);
        }
    }

    private static UndoResult undo(Journal journal) throws OrganizeException {
        try (journal) {
            journal.openForAppend();
            UndoResult result = revert(journal);
            if (result.complete()) {
                journal.finish(Journal.State.UNDONE);
            } else {
                journal.left(result.problems());
                journal.finish(Journal.State.INCOMPLETE);
            }
            return result;
        } catch (IOException e) {
            throw new OrganizeException("undo failed: " + e.getMessage(), e);
        }
    }

    static String describe(Journal j) {
        return switch (j.state()) {
            case PLANNING, RUNNING -> "interrupted";
            case COMPLETE -> j.entries().isEmpty() ? "done, nothing changed" : "done";
            case ROLLED_BACK -> "rolled back";
            case INCOMPLETE -> "partly put back (" + j.left().size() + " left; undo finishes it)";
            case UNDONE -> "undone";
        };
    }

    /**
     * Puts back every planned file, whatever point the run reached; safe to repeat. Incomplete when
     * an operation failed, as opposed to files left alone on purpose (changed since, or not ours).
     * Only a file this run wrote is removed or moved back: its identity must match the proof the
     * journal recorded before the file appeared (decision 0012); the same bytes are no proof.
     */
    static UndoResult revert(Journal journal) {
        List<String> problems = new ArrayList<>();
        List<Path> notWritten = new ArrayList<>();
        boolean complete = true;
        int restored = 0;
        List<Journal.Entry> entries = new ArrayList<>(journal.entries());
        Collections.reverse(entries);
        for (Journal.Entry e : entries) {
            try {
                if (journal.token()
                        != null) { // only this run's own temporary names; an old journal's could be anyone's
                    Files.deleteIfExists(FileTransfer.partFile(e.target(), journal.token()));
                    Files.deleteIfExists(FileTransfer.partFile(e.source(), journal.token()));
                }
                if (revertOne(journal, e, problems, notWritten)) {
                    restored++;
                }
            } catch (IOException ex) {
                problems.add(e.source().getFileName() + " not put back from " + e.target() + ": " + ex.getMessage());
                complete = false;
            }
        }
        List<Path> dirs = new ArrayList<>(journal.createdDirs());
        Collections.reverse(dirs);
        for (Path dir : dirs) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException ex) {
                problems.add(dir + " holds other files; left in place");
            } catch (IOException ex) {
                problems.add(dir + ": " + ex.getMessage());
                complete = false;
            }
        }
        return new UndoResult(journal.mode(), restored, problems, complete, notWritten);
    }

    private static boolean revertOne(Journal journal, Journal.Entry e, List<String> problems, List<Path> notWritten)
            throws IOException {
        boolean targetExists = Files.exists(e.target(), LinkOption.NOFOLLOW_LINKS);
        boolean sourceExists = Files.exists(e.source(), LinkOption.NOFOLLOW_LINKS);
        if (!targetExists) {
            if (!sourceExists) {
                problems.add(e.source() + " is neither in place nor at " + e.target());
            }
            return false;
        }
        if (!journal.hasProofs()) {
            return revertWithoutProof(journal, e, sourceExists, problems);
        }
        FileIdentity recorded = journal.written(e.index());
        FileIdentity now = FileIdentity.of(e.target());
        if (recorded == null || !recorded.sameFile(now)) {
            notWritten.add(e.target()); // not this run's file: another run's with the same bytes, say
            if (recorded != null && !sourceExists) {
                problems.add(e.source() + " is neither in place nor at " + e.target() + " (another file is there)");
            }
            return false;
        }
        if (!recorded.equals(now)) {
            problems.add(e.target() + " was changed since this run wrote it; left in place");
            return false;
        }
        if (journal.mode() == TransferMode.MOVE && !sourceExists) {
            FileTransfer.moveSafely(e.target(), e.source(), journal.token(), FileTransfer.Ownership.NONE);
            return true;
        }
        if (!sourceExists) {
            problems.add(e.target() + " kept: it is the only copy left, " + e.source() + " is gone");
            return false;
        }
        if (FileTransfer.sameContent(e.source(), e.target())) {
            Files.delete(
                    e.target()); // ours, and the original is in place: a copy, or a move caught before the source went
            return true;
        }
        problems.add(e.target() + " differs from " + e.source() + "; left in place");
        return false;
    }

    /**
     * A journal written before decision 0012 holds no proof: a photo it moved is moved back (which
     * loses nothing, wherever the file came from), but nothing is ever deleted.
     */
    private static boolean revertWithoutProof(
            Journal journal, Journal.Entry e, boolean sourceExists, List<String> problems) throws IOException {
        if (journal.mode() == TransferMode.MOVE && !sourceExists && journal.isDone(e.index())) {
            FileTransfer.moveSafely(e.target(), e.source(), null, FileTransfer.Ownership.NONE);
            return true;
        }
        problems.add(e.target()
                + (sourceExists
                        ? " kept: the journal of this run (an earlier version of RoomNet) cannot prove that the run wrote it"
                        : " kept: it is the only copy left, " + e.source() + " is gone"));
        return false;
    }
}
