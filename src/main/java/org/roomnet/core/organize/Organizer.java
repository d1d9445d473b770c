package org.roomnet.core.organize;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Copies or moves photos into {@code <destination>/<RoomType>/}. The whole plan is journaled before
 * a file is touched; targets are never overwritten (a clash gets " (1)", " (2)", ... before the
 * extension); the destination is checked for writability and space first; and a failure part-way
 * puts every file back, so the user never sees a half-done state.
 */
public final class Organizer {

    /** Space kept free beyond the bytes to copy. */
    private static final long SPACE_MARGIN_BYTES = 16L * 1024 * 1024;

    private final JournalStore journals;

    public Organizer(JournalStore journals) {
        this.journals = journals;
    }

    public OrganizeResult organize(Path sourceFolder, Path destination, TransferMode mode, List<Assignment> assignments,
                                   OrganizeProgress progress) throws OrganizeException {
        Path source = sourceFolder.toAbsolutePath().normalize();
        Path dest = destination.toAbsolutePath().normalize();
        refuseIfInterrupted(source);

        List<Journal.Entry> entries = planTargets(dest, assignments);
        Journal journal;
        try {
            journal = Journal.create(journals.newJournalFile(source), source, dest, mode);
        } catch (IOException e) {
            throw new OrganizeException("cannot write the undo journal: " + e.getMessage(), e);
        }
        try (journal) {
            for (Path dir : directoriesToCreate(dest, entries)) {
                journal.recordCreatedDir(dir);
            }
            for (Journal.Entry entry : entries) {
                journal.plan(entry);
            }
            journal.planned();
            prepareDestination(journal, entries, mode);
            Map<String, Integer> perRoom = new LinkedHashMap<>();
            int done = 0;
            for (Journal.Entry entry : entries) {
                try {
                    String hash = mode == TransferMode.COPY
                            ? FileTransfer.copyVerified(entry.source(), entry.target())
                            : FileTransfer.moveSafely(entry.source(), entry.target());
                    journal.done(entry.index(), hash);
                } catch (IOException e) {
                    throw rollBack(journal, "stopped at " + entry.source().getFileName() + ": " + describe(e));
                }
                perRoom.merge(entry.target().getParent().getFileName().toString(), 1, Integer::sum);
                progress.onFile(entry.target(), ++done, entries.size());
            }
            journal.finish(Journal.State.COMPLETE);
            return new OrganizeResult(dest, mode, done, perRoom, journal.file());
        } catch (IOException e) {
            throw new OrganizeException("the undo journal could not be written: " + e.getMessage(), e);
        }
    }

    private void refuseIfInterrupted(Path source) throws OrganizeException {
        try {
            Optional<Path> latest = journals.latest(source);
            if (latest.isPresent()) {
                Journal.State state = Journal.read(latest.get()).state();
                if (state == Journal.State.RUNNING || state == Journal.State.PLANNING) {
                    throw new OrganizeException("an earlier organize run from " + source
                            + " was interrupted; run undo on this folder first to put its files back");
                }
            }
        } catch (IOException e) {
            throw new OrganizeException("cannot read the journal of earlier runs: " + e.getMessage(), e);
        }
    }

    static List<Journal.Entry> planTargets(Path dest, List<Assignment> assignments) {
        Set<Path> taken = new HashSet<>();
        List<Journal.Entry> entries = new ArrayList<>();
        int index = 0;
        for (Assignment a : assignments) {
            Path dir = dest.resolve(a.roomType());
            Path target = freeName(dir, a.source().getFileName().toString(), taken);
            taken.add(target);
            entries.add(new Journal.Entry(index++, a.source().toAbsolutePath().normalize(), target));
        }
        return entries;
    }

    /** {@code name.jpg}, else {@code name (1).jpg}, {@code name (2).jpg}, ... whichever is free. */
    static Path freeName(Path dir, String fileName, Set<Path> taken) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String ext = dot > 0 ? fileName.substring(dot) : "";
        Path candidate = dir.resolve(fileName);
        for (int n = 1; Files.exists(candidate) || taken.contains(candidate); n++) {
            candidate = dir.resolve(stem + " (" + n + ")" + ext);
        }
        return candidate;
    }

    private static List<Path> directoriesToCreate(Path dest, List<Journal.Entry> entries) {
        Set<Path> dirs = new LinkedHashSet<>();
        List<Path> chain = new ArrayList<>();
        for (Path p = dest; p != null && !Files.exists(p); p = p.getParent()) {
            chain.add(0, p);
        }
        dirs.addAll(chain);
        for (Journal.Entry e : entries) {
            Path dir = e.target().getParent();
            if (!Files.exists(dir)) {
                dirs.add(dir);
            }
        }
        return new ArrayList<>(dirs);
    }

    private void prepareDestination(Journal journal, List<Journal.Entry> entries, TransferMode mode)
            throws OrganizeException, IOException {
        try {
            for (Path dir : journal.createdDirs()) {
                Files.createDirectory(dir);
            }
            Set<Path> targetDirs = new LinkedHashSet<>();
            entries.forEach(e -> targetDirs.add(e.target().getParent()));
            for (Path dir : targetDirs) {
                Path probe = Files.createTempFile(dir, ".roomnet-probe", ".tmp");
                Files.delete(probe);
            }
            long needed = bytesToWrite(journal.destination(), entries, mode);
            if (needed > 0) {
                long usable = Files.getFileStore(journal.destination()).getUsableSpace();
                if (usable < needed + SPACE_MARGIN_BYTES) {
                    throw rollBack(journal, String.format("not enough free space in %s: %d MB needed, %d MB free",
                            journal.destination(), (needed + SPACE_MARGIN_BYTES) >> 20, usable >> 20));
                }
            }
        } catch (IOException e) {
            throw rollBack(journal, "cannot write to " + journal.destination() + ": " + describe(e));
        }
    }

    private static long bytesToWrite(Path dest, List<Journal.Entry> entries, TransferMode mode) throws IOException {
        FileStore destStore = Files.getFileStore(dest);
        long total = 0;
        for (Journal.Entry e : entries) {
            if (mode == TransferMode.COPY || !Files.getFileStore(e.source()).equals(destStore)) {
                total += Files.size(e.source());
            }
        }
        return total;
    }

    private OrganizeException rollBack(Journal journal, String reason) throws IOException {
        UndoResult undo = Undoer.revert(journal);
        journal.finish(Journal.State.ROLLED_BACK);
        String state = undo.problems().isEmpty()
                ? "Nothing was changed: every file is where it was."
                : "Files were put back, except: " + String.join("; ", undo.problems());
        return new OrganizeException(reason + ". " + state);
    }

    static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        String message = e.getMessage() == null ? name : e.getMessage();
        if (message.contains("Read-only file system")) {
            return "the destination is read-only (" + message + ")";
        }
        if (message.contains("No space left")) {
            return "the destination is full (" + message + ")";
        }
        return message;
    }
}
