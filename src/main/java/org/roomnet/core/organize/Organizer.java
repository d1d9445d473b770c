package org.roomnet.core.organize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies or moves photos into {@code <destination>/<RoomType>/}. The whole plan is journaled before
 * a file is touched; targets are never overwritten (a clash gets " (1)", " (2)", ... before the
 * extension); the destination is checked for writability and space first; and a failure part-way
 * puts every file back, so the user never sees a half-done state.
 */
public final class Organizer {

    /** The longest file name, in bytes, that ext4 and most other file systems take. */
    private static final int MAX_NAME_BYTES = 255;

    private final JournalStore journals;

    public Organizer(JournalStore journals) {
        this.journals = journals;
    }

    /** Space kept free beyond the bytes to copy: 1 % of them, at least 1 MiB (a small card must still take a few photos). */
    static long spaceMargin(long bytesToWrite) {
        return Math.max(1L << 20, bytesToWrite / 100);
    }

    /**
     * Organizes the photos. Takes the shoot's lock for the whole run (a second organize or undo of
     * the same shoot is refused). A run with nothing to transfer writes no journal, so undo never
     * picks it instead of the run that moved the photos. {@link OrganizeResult#journal()} is then null.
     */
    public OrganizeResult organize(
            Path sourceFolder,
            Path destination,
            TransferMode mode,
            List<Assignment> assignments,
            OrganizeProgress progress)
            throws OrganizeException {
        Path source = sourceFolder.toAbsolutePath().normalize();
        Path dest = destination.toAbsolutePath().normalize();
        try (ShootLock lock = ShootLock.acquire(journals, source)) {
            check(source, dest);
            checkSources(assignments, mode);
            if (assignments.isEmpty()) {
                return new OrganizeResult(dest, mode, 0, Map.of(), null);
            }
            return run(source, dest, mode, assignments, progress);
        }
    }

    /**
     * The checks that need no photo: the destination is not a file, and no earlier run from this
     * folder is unfinished, and no other organize or undo is working on it. Cheap, so that a caller
     * can run them before classifying a whole shoot.
     */
    public void preflight(Path sourceFolder, Path destination) throws OrganizeException {
        Path source = sourceFolder.toAbsolutePath().normalize();
        try (ShootLock lock = ShootLock.acquire(journals, source)) {
            check(source, destination.toAbsolutePath().normalize());
        }
    }

    private void check(Path source, Path dest) throws OrganizeException {
        if (Files.exists(dest) && !Files.isDirectory(dest)) {
            throw new OrganizeException("the destination " + dest + " is a file, not a folder. Nothing was changed.");
        }
        refuseIfUnfinished(source);
    }

    private OrganizeResult run(
            Path source, Path dest, TransferMode mode, List<Assignment> assignments, OrganizeProgress progress)
            throws OrganizeException {
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
                    FileTransfer.Ownership proof = identity -> journal.wrote(entry.index(), identity);
                    String hash = mode == TransferMode.COPY
                            ? FileTransfer.copyVerified(entry.source(), entry.target(), journal.token(), proof)
                            : FileTransfer.moveSafely(entry.source(), entry.target(), journal.token(), proof);
                    journal.done(entry.index(), hash);
                } catch (IOException e) {
                    throw rollBack(journal, "stopped at " + entry.source().getFileName() + ": " + describe(e, dest));
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

    private void refuseIfUnfinished(Path source) throws OrganizeException {
        try {
            for (Path file : journals.journals(source)) {
                Journal.State state = Journal.read(file).state();
                if (state == Journal.State.INCOMPLETE) {
                    throw new OrganizeException("an earlier organize run from " + source
                            + " could not put every file back; undo this folder first to finish it");
                }
                if (state.unfinished()) {
                    throw new OrganizeException("an earlier organize run from " + source
                            + " was interrupted; undo this folder first to put its files back");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new OrganizeException("cannot read the journal of earlier runs: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses, before anything is written, what the journal could not undo exactly: a symbolic link
     * (moving it would break a relative link; callers pass the file it points to instead, see
     * {@link AssignmentPolicy}), a name the platform cannot spell back, and for a move, a source folder
     * that is read-only (the originals could not be removed).
     */
    private static void checkSources(List<Assignment> assignments, TransferMode mode) throws OrganizeException {
        Set<Path> folders = new LinkedHashSet<>();
        for (Assignment a : assignments) {
            Path file = a.source();
            if (Files.isSymbolicLink(file)) {
                throw new OrganizeException(
                        file + " is a symbolic link; only regular files are organized. Nothing was changed.");
            }
            if (!AssignmentPolicy.nameRoundTrips(file)) {
                throw new OrganizeException(file + " has a name that is not valid in the system's encoding;"
                        + " rename it to organize it. Nothing was changed.");
            }
            folders.add(file.toAbsolutePath().normalize().getParent());
        }
        if (mode == TransferMode.MOVE) {
            for (Path folder : folders) {
                if (folder != null && !Files.isWritable(folder)) {
                    throw new OrganizeException(
                            "cannot move photos out of " + folder + ": the source folder is "
                                    + "read-only, so the originals could not be removed (copy them instead). Nothing was changed.");
                }
            }
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
            candidate = dir.resolve(withinNameLimit(stem, " (" + n + ")" + ext));
        }
        return candidate;
    }

    /** {@code stem + suffix}, the stem shortened when needed to keep the name within 255 bytes. */
    static String withinNameLimit(String stem, String suffix) {
        String shortened = stem;
        while (!shortened.isEmpty() && utf8Length(shortened + suffix) > MAX_NAME_BYTES) {
            shortened = shortened.substring(0, shortened.offsetByCodePoints(shortened.length(), -1));
        }
        return shortened + suffix;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
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
                long wanted = needed + spaceMargin(needed);
                if (usable < wanted) {
                    throw rollBack(
                            journal,
                            String.format(
                                    Locale.ROOT,
                                    "not enough free space in %s: %.1f MB needed, %.1f MB free",
                                    journal.destination(),
                                    wanted / 1048576.0,
                                    usable / 1048576.0));
                }
            }
        } catch (IOException e) {
            throw rollBack(
                    journal, "cannot write to " + journal.destination() + ": " + describe(e, journal.destination()));
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

    /** Puts every file back; what could not be put back is recorded in the journal for a later undo. */
    private OrganizeException rollBack(Journal journal, String reason) throws IOException {
        UndoResult undo = Undoer.revert(journal);
        if (!undo.complete()) {
            journal.left(undo.problems());
            journal.finish(Journal.State.INCOMPLETE);
            return new OrganizeException(reason + ". Not every file could be put back: " + summary(undo.problems())
                    + ". The journal records what is left: undo this folder once the cause is fixed to finish putting them back."
                    + notWritten(undo));
        }
        journal.finish(Journal.State.ROLLED_BACK);
        String state = undo.problems().isEmpty()
                ? "Nothing was changed: every file is where it was."
                : "Files were put back, except: " + summary(undo.problems());
        return new OrganizeException(reason + ". " + state + notWritten(undo));
    }

    private static String notWritten(UndoResult undo) {
        return undo.notWritten().isEmpty() ? "" : " " + undo.notWrittenSummary() + "; left as they are.";
    }

    /** The first few problems; a full list of hundreds would bury the message. */
    private static String summary(List<String> problems) {
        int shown = Math.min(5, problems.size());
        String list = String.join("; ", problems.subList(0, shown));
        return problems.size() > shown ? list + "; and " + (problems.size() - shown) + " more" : list;
    }

    /** The cause of a failed file operation in the user's words, saying which side failed. */
    static String describe(IOException e, Path destination) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + message + ")";
        }
        String side = "the file system";
        if (e instanceof FileSystemException f && f.getFile() != null) {
            side = destination.getFileSystem().getPath(f.getFile()).startsWith(destination)
                    ? "the destination"
                    : "the source";
        }
        if (message.contains("Read-only file system")) {
            return side + " is read-only (" + message + ")";
        }
        if (message.contains("No space left")) {
            return side + " is full (" + message + ")";
        }
        return message;
    }
}
