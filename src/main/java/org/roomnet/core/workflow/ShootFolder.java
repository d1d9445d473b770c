package org.roomnet.core.workflow;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * The photos of a shoot: every regular, non-hidden file in the folder, by path (a symbolic link to
 * a regular file included). Not recursive by default; recursively, hidden folders are skipped too,
 * and a subfolder that cannot be read is reported, not fatal. A FIFO, socket or device, and a link
 * that leads nowhere, loops or leads to one of those, is reported too (a row with the reason).
 */
public final class ShootFolder {

    /** A file or subfolder that could not be read while listing, and why, for the user. */
    public record Problem(Path path, String reason) {}

    public record Listing(List<Path> files, List<Problem> problems) {
        public Listing {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    private ShootFolder() {}

    public static List<Path> list(Path folder) throws IOException {
        return list(folder, false);
    }

    /** The files only; {@link #scan} also says which subfolders could not be read. */
    public static List<Path> list(Path folder, boolean recursive) throws IOException {
        return scan(folder, recursive).files();
    }

    /** Lists the shoot; only the folder itself being unreadable is an exception. */
    public static Listing scan(Path folder, boolean recursive) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("not a folder: " + folder);
        }
        List<Path> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Files.walkFileTree(
                folder,
                EnumSet.noneOf(FileVisitOption.class),
                recursive ? Integer.MAX_VALUE : 1,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return dir.equals(folder) || !isHidden(folder.relativize(dir))
                                ? FileVisitResult.CONTINUE
                                : FileVisitResult.SKIP_SUBTREE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (isHidden(folder.relativize(file)) || attrs.isDirectory()) {
                            return FileVisitResult.CONTINUE;
                        }
                        boolean regular =
                                attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file));
                        if (regular) {
                            files.add(file);
                        } else {
                            String why = notAPhoto(file, attrs);
                            if (why != null) {
                                problems.add(new Problem(file, why));
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        if (file.equals(folder)) {
                            throw e;
                        }
                        if (!isHidden(folder.relativize(file))) {
                            problems.add(new Problem(file, reason(e)));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        if (e != null) {
                            if (dir.equals(folder)) {
                                throw e;
                            }
                            problems.add(new Problem(dir, reason(e)));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        files.sort(Comparator.comparing(p -> folder.relativize(p).toString()));
        problems.sort(Comparator.comparing(p -> folder.relativize(p.path()).toString()));
        return new Listing(files, problems);
    }

    /**
     * Why a name in the shoot that is neither a photo file nor a folder is left out (a row with this
     * error, never moved); null for a link to a folder, which is not followed, like a subfolder is not.
     */
    private static String notAPhoto(Path file, BasicFileAttributes attrs) {
        if (!attrs.isSymbolicLink()) {
            return "not a regular file (a FIFO, socket or device); left in place";
        }
        try {
            BasicFileAttributes target = Files.readAttributes(file, BasicFileAttributes.class);
            return target.isDirectory()
                    ? null
                    : "symbolic link to something that is not a regular file (a FIFO, socket or device); left in place";
        } catch (NoSuchFileException e) {
            return "symbolic link to a file that does not exist; left in place";
        } catch (FileSystemException e) {
            String message = String.valueOf(e.getReason());
            return message.contains("levels of symbolic links")
                    ? "symbolic link that loops; left in place"
                    : "symbolic link that cannot be followed (" + message + "); left in place";
        } catch (IOException e) {
            return "symbolic link that cannot be followed (" + e.getMessage() + "); left in place";
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot read this folder: permission denied";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot read this folder: " + message;
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
