package org.roomnet.core.listing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.roomnet.core.util.RealPaths;

/**
 * Where an export goes, decided before anything is written. A folder that does not exist, or is empty,
 * is used. A folder with files in it is never written into: it is refused, unless {@code replace} is
 * asked for and it holds nothing but what an earlier RoomNet export put there ({@link ExportRecords}).
 * A replaced folder is swapped for the new export only once that is complete.
 */
public record ListingTarget(Path folder, boolean replaces) {

    public ListingTarget {
        folder = folder.toAbsolutePath().normalize();
    }

    /**
     * @param shoot the shoot folder: an export never goes into it, nor the shoot into the export
     * @throws ListingException refused, with the reason and what to do instead
     */
    public static ListingTarget choose(Path folder, Path shoot, boolean replace, ExportRecords records)
            throws ListingException {
        Path target = RealPaths.of(folder); // a link in either path must not hide that one is inside the other
        Path source = RealPaths.of(shoot);
        if (target.startsWith(source) || source.startsWith(target)) {
            throw new ListingException("the export folder " + target + " cannot be inside the shoot folder or hold it; "
                    + "choose a folder beside the shoot");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new ListingTarget(target, false);
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new ListingException(target + " exists and is not a folder; choose another export folder");
        }
        List<Path> inside;
        try (Stream<Path> list = Files.list(target)) {
            inside = list.toList();
        } catch (IOException e) {
            throw new ListingException("cannot look into " + target + ": " + e.getMessage(), e);
        }
        if (inside.isEmpty()) {
            return new ListingTarget(target, false);
        }
        if (!replace) {
            throw new ListingException(
                    target + " already holds " + inside.size() + " file" + (inside.size() == 1 ? "" : "s")
                            + "; nothing was written. Choose a new folder ("
                            + freeName(target).getFileName()
                            + ", say) or replace the earlier export");
        }
        Map<String, Long> written;
        try {
            written = records.read(target);
        } catch (IOException e) {
            throw new ListingException(e.getMessage(), e);
        }
        for (Path p : inside) {
            String name = p.getFileName().toString();
            Long size = written.get(name);
            if (size == null || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || size != sizeOf(p)) {
                throw new ListingException(target + " holds " + name + ", which RoomNet did not export there (or which "
                        + "was changed since); only an earlier export is replaced. Choose a new folder");
            }
        }
        return new ListingTarget(target, true);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The first of "name (2)", "name (3)" … beside {@code folder} that does not exist. */
    public static Path freeName(Path folder) {
        Path normal = folder.toAbsolutePath().normalize();
        for (int i = 2; ; i++) {
            Path candidate = normal.resolveSibling(normal.getFileName() + " (" + i + ")");
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
    }

    /** The one default for the app and the command line: {@code <folder>_listing} beside the shoot folder. */
    public static Path defaultFolder(Path shoot) {
        Path normal = shoot.toAbsolutePath().normalize();
        Path name = normal.getFileName();
        return normal.resolveSibling((name == null ? "shoot" : name.toString()) + "_listing");
    }
}
