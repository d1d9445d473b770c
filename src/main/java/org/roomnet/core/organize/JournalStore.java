package org.roomnet.core.organize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.roomnet.core.util.RoomNetHome;

/**
 * Where journals live: in the user's RoomNet folder (not in the shoot, which undo must leave exactly
 * as it was), one subfolder per shoot folder, keyed by the folder's real path (a symbolic link to
 * the same folder is the same shoot). The root is {@code -Droomnet.home} or {@code ~/.roomnet}.
 * The shoot's lock file ({@link ShootLock}) is kept beside its journals.
 */
public final class JournalStore {

    static final String EXTENSION = ".journal";
    private static final String LOCK_FILE = "lock";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path root;

    public JournalStore(Path root) {
        this.root = root;
    }

    public static JournalStore defaultStore() {
        return new JournalStore(RoomNetHome.dir().resolve("journals"));
    }

    /**
     * A new journal's file, named by the time; a second run in the same millisecond gets {@code _001}
     * (which sorts after the plain name, so names sort in the order the runs started).
     */
    Path newJournalFile(Path sourceFolder) {
        Path dir = folderFor(sourceFolder);
        String stamp = STAMP.format(Instant.now());
        Path file = dir.resolve(stamp + EXTENSION);
        for (int n = 1; Files.exists(file); n++) {
            file = dir.resolve(String.format("%s_%03d%s", stamp, n, EXTENSION));
        }
        return file;
    }

    /** Every journal of this folder, oldest first. */
    List<Path> journals(Path sourceFolder) throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path dir : foldersFor(sourceFolder)) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.getFileName().toString().endsWith(EXTENSION))
                            .forEach(all::add);
                }
            }
        }
        all.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return all;
    }

    Path lockFile(Path sourceFolder) {
        return folderFor(sourceFolder).resolve(LOCK_FILE);
    }

    private Path folderFor(Path sourceFolder) {
        return root.resolve(key(realPath(sourceFolder)));
    }

    /** The real path's folder, and the one an earlier version keyed by the path as given. */
    private Set<Path> foldersFor(Path sourceFolder) {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(folderFor(sourceFolder));
        dirs.add(root.resolve(key(sourceFolder.toAbsolutePath().normalize())));
        return dirs;
    }

    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize(); // gone (unplugged, say): its journals are still found
        }
    }

    private static String key(Path folder) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(folder.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
