package org.roomnet.core.listing;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The folders an export works with beside its target, all named {@code .<target>.roomnet-…-<8 hex>}: the
 * hidden staging folder the photos are written into, and the earlier export moved aside while it is
 * replaced. Called only under the target's {@link ExportLock}, so a folder of that name that is already
 * there belongs to a killed run. Nothing is ever deleted here that the export records do not name: a
 * file the agent put into the target is never removed.
 */
final class ExportFolders {

    static final String STAGING = ".roomnet-export-";
    static final String REPLACED = ".roomnet-replaced-";

    private ExportFolders() {}

    static Path createStaging(Path folder) throws ListingException {
        try {
            Files.createDirectories(folder.getParent());
            return Files.createDirectory(sibling(folder, STAGING));
        } catch (IOException e) {
            throw new ListingException("cannot create the export folder beside " + folder + ": " + e, e);
        }
    }

    private static Path sibling(Path folder, String kind) {
        return folder.resolveSibling(
                "." + folder.getFileName() + kind + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * Removes what killed exports into {@code folder} left beside it: staging folders (copies of photos, never
     * shown) and the recorded files of an earlier export moved aside. Anything else in those is kept, under a
     * visible name. Returns what was done, for the user.
     */
    static List<String> cleanStale(Path folder, ExportRecords records) {
        List<String> notes = new ArrayList<>();
        String prefix = "." + folder.getFileName();
        List<Path> stale;
        try (Stream<Path> beside = Files.list(folder.getParent())) {
            stale = beside.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> isOurs(p.getFileName().toString(), prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return notes; // no parent folder yet: nothing left behind
        }
        for (Path dir : stale) {
            if (dir.getFileName().toString().startsWith(prefix + STAGING)) {
                notes.add(
                        deleteTree(dir)
                                ? "removed " + dir.getFileName() + ", left by an export that was stopped"
                                : "could not remove all of " + dir + ", left by an export that was stopped");
            } else {
                notes.addAll(removeReplaced(dir, records));
            }
        }
        return notes;
    }

    private static boolean isOurs(String name, String prefix) {
        for (String kind : List.of(STAGING, REPLACED)) {
            if (name.startsWith(prefix + kind)
                    && name.length() == prefix.length() + kind.length() + 8
                    && name.substring(name.length() - 8).matches("[0-9a-f]{8}")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Puts the complete staging folder in the target's place. A target that {@code replaces} an earlier export
     * is checked again now: if it holds anything that export did not write (a photo or a folder added during
     * the run), nothing is replaced. Returns the earlier export, moved aside (null when there was none).
     */
    static Path putInPlace(Path staging, ListingTarget target, ExportRecords records) throws ListingException {
        Path folder = target.folder();
        try {
            if (!target.replaces()) {
                Files.deleteIfExists(folder); // empty (checked when the target was chosen); a non-empty one fails here
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
                return null;
            }
            Map<String, Long> recorded = records.read(folder);
            refuseIfChanged(folder, folder, recorded);
            Path aside = sibling(folder, REPLACED);
            Files.move(folder, aside, StandardCopyOption.ATOMIC_MOVE);
            try {
                refuseIfChanged(folder, aside, recorded); // whatever came in between the check and the move
                records.move(folder, aside);
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (ListingException | IOException e) {
                records.move(aside, folder);
                Files.move(aside, folder, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            return aside;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw new ListingException(
                    folder + " was filled by something else during the export; nothing was exported", e);
        } catch (IOException e) {
            throw new ListingException(
                    "could not put the export in " + folder + ": " + e + "; nothing was exported", e);
        }
    }

    private static void refuseIfChanged(Path folder, Path dir, Map<String, Long> recorded) throws ListingException {
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> inside = Files.list(dir)) {
            for (Path p : inside.sorted().toList()) {
                if (!isRecorded(p, recorded)) {
                    foreign.add(p.getFileName() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""));
                }
            }
        } catch (IOException e) {
            throw new ListingException(
                    "cannot look into " + folder + " again: " + e.getMessage() + "; nothing was exported", e);
        }
        if (!foreign.isEmpty()) {
            throw new ListingException(folder + " changed during the export: it now holds " + String.join(", ", foreign)
                    + ", which the earlier export did not write there. Nothing was replaced or removed, and the new "
                    + "export was not kept; move those files out and export again, or export into a new folder");
        }
    }

    private static boolean isRecorded(Path p, Map<String, Long> recorded) {
        Long size = recorded.get(p.getFileName().toString());
        try {
            return size != null && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) == size;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes the files of an earlier export moved aside, one by one, only those its record names with their
     * sizes; anything else (a file that reached it through a path opened before the move) is kept, and the
     * folder is renamed to a visible name beside the target.
     */
    static List<String> removeReplaced(Path aside, ExportRecords records) {
        List<String> notes = new ArrayList<>();
        try {
            Map<String, Long> recorded = records.read(aside);
            try (Stream<Path> inside = Files.list(aside)) {
                for (Path p : inside.toList()) {
                    if (isRecorded(p, recorded)) {
                        Files.delete(p);
                    }
                }
            }
            try {
                Files.delete(aside);
            } catch (DirectoryNotEmptyException e) {
                Path wanted = aside.resolveSibling(visibleName(aside) + " (kept)");
                Path kept = Files.exists(wanted, LinkOption.NOFOLLOW_LINKS) ? ListingTarget.freeName(wanted) : wanted;
                Files.move(aside, kept, StandardCopyOption.ATOMIC_MOVE);
                notes.add("kept " + kept + ": files that were not part of the earlier export");
            }
            records.forget(aside);
        } catch (IOException e) {
            notes.add("could not finish removing the earlier export in " + aside + ": " + e.getMessage());
        }
        return notes;
    }

    /** {@code .upload.roomnet-replaced-1a2b3c4d} → {@code upload}. */
    private static String visibleName(Path aside) {
        String name = aside.getFileName().toString();
        int at = name.lastIndexOf(REPLACED);
        return at > 1 ? name.substring(1, at) : name;
    }

    /** Staging folders hold only copies this export wrote. True when nothing is left. */
    static boolean deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
