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
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where journals live: in the user's RoomNet folder (not in the shoot, which undo must leave exactly
 * as it was), one subfolder per shoot folder. The root is {@code -Droomnet.home} or {@code ~/.roomnet}.
 */
public final class JournalStore {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path root;

    public JournalStore(Path root) {
        this.root = root;
    }

    public static JournalStore defaultStore() {
        String configured = System.getProperty("roomnet.home");
        Path home = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".roomnet");
        return new JournalStore(home.resolve("journals"));
    }

    Path newJournalFile(Path sourceFolder) {
        return folderFor(sourceFolder).resolve(STAMP.format(Instant.now()) + ".journal");
    }

    /** The newest journal for this folder, if any. */
    Optional<Path> latest(Path sourceFolder) throws IOException {
        Path dir = folderFor(sourceFolder);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".journal")).max(Path::compareTo);
        }
    }

    private Path folderFor(Path sourceFolder) {
        String key = sourceFolder.toAbsolutePath().normalize().toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return root.resolve(HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
