package org.roomnet.core.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.roomnet.core.util.RealPaths;

/**
 * Which files make a shoot: every photo of a folder (with its subfolders when {@code recursive}), or
 * some photos of one folder ({@code photos} not null).
 */
public record ShootSource(Path folder, List<Path> photos, boolean recursive) {

    public ShootSource {
        folder = RealPaths.of(folder); // a symbolic link to the shoot is the shoot (issue 18, point 10)
        photos = photos == null ? null : List.copyOf(photos);
    }

    public static ShootSource folder(Path folder, boolean recursive) {
        return new ShootSource(folder, null, recursive);
    }

    /**
     * Some photos of one folder: the regular, non-hidden files among {@code files}, by path.
     *
     * @throws IllegalArgumentException when none is left, or they lie in several folders
     */
    public static ShootSource photos(List<Path> files) {
        List<Path> chosen = files.stream()
                .map(ShootSource::inRealFolder)
                .filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .sorted()
                .toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no photo among the files");
        }
        Path parent = chosen.get(0).getParent();
        if (chosen.stream().anyMatch(p -> !p.getParent().equals(parent))) {
            throw new IllegalArgumentException("the photos lie in several folders");
        }
        return new ShootSource(parent, chosen, false);
    }

    /** The file in the real path of its folder (the file itself may be a link, and stays one). */
    private static Path inRealFolder(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.getParent() == null
                ? absolute
                : RealPaths.of(absolute.getParent()).resolve(absolute.getFileName());
    }

    /** The files of the shoot as they are now (chosen photos that have gone are left out). */
    public List<Path> list() throws IOException {
        return photos != null
                ? photos.stream().filter(Files::isRegularFile).toList()
                : ShootFolder.list(folder, recursive);
    }
}
