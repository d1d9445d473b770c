package org.roomnet.core.workflow;

import org.roomnet.core.shoot.ShootFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which files make a shoot: every photo of a folder (with its subfolders when {@code recursive}), or
 * some photos of one folder ({@code photos} not null).
 */
public record ShootSource(Path folder, List<Path> photos, boolean recursive) {

    public ShootSource {
        folder = folder.toAbsolutePath().normalize();
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
        List<Path> chosen = files.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no photo among the files");
        }
        Path parent = chosen.get(0).getParent();
        if (chosen.stream().anyMatch(p -> !p.getParent().equals(parent))) {
            throw new IllegalArgumentException("the photos lie in several folders");
        }
        return new ShootSource(parent, chosen, false);
    }

    /** The files of the shoot as they are now (chosen photos that have gone are left out). */
    public List<Path> list() throws IOException {
        return photos != null ? photos.stream().filter(Files::isRegularFile).toList()
                : ShootFolder.list(folder, recursive);
    }
}
