package org.roomnet.core.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The hidden file that keeps a review beside its shoot ({@value #FILE_NAME}, format in
 * {@link SidecarFormat}), so that opening the folder again restores it without classifying again.
 * <ul>
 * <li>Read only when it is a regular file (checked without following links, before opening: a FIFO
 *     is never opened) of at most {@link #MAX_BYTES}; else {@link ReviewFileException}.</li>
 * <li>Written atomically: a temporary file in the folder, forced to disk, renamed over the old one
 *     (and the folder forced), so a crash or kill leaves the old file or the new one, never half.</li>
 * <li>The file a save replaces is kept as {@value #FILE_NAME}{@value #BACKUP_SUFFIX}; a damaged one
 *     also as {@value #FILE_NAME}{@value #DAMAGED_INFIX}{@code <time>} ({@link #keepDamaged}).</li>
 * </ul>
 * The app saves through {@link ReviewStore}, which never replaces another window's save blindly.
 */
public final class ReviewSidecar {

    public static final String FILE_NAME = ".roomnet-review.tsv";
    public static final String BACKUP_SUFFIX = ".bak";
    public static final String DAMAGED_INFIX = ".damaged-";
    public static final int FORMAT_VERSION = SidecarFormat.VERSION;
    /**
     * The largest review file read: 16 MiB. A photo's line is about 150 to 300 bytes, so this holds
     * some 50,000 photos, far past any shoot; a larger file is not a review and would only cost memory.
     */
    public static final long MAX_BYTES = 16L << 20;

    private static final String TEMP_SUFFIX = ".tmp";
    private static final long STALE_TEMP_MILLIS = 10 * 60_000L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ReviewSidecar() {}

    public static Path fileIn(Path folder) {
        return folder.resolve(FILE_NAME);
    }

    public static Path backupIn(Path folder) {
        return folder.resolve(FILE_NAME + BACKUP_SUFFIX);
    }

    /** A snapshot and the exact bytes it was read from. */
    record Raw(ReviewSnapshot snapshot, byte[] bytes) {}

    /** {@link ReviewSnapshot#read}. */
    public static ReviewSnapshot snapshot(Path folder) throws IOException {
        return readRaw(folder).snapshot();
    }

    /** The review's good lines (empty when there is no file); {@link #snapshot} also says which lines are damaged. */
    public static Optional<SavedReview> read(Path folder) throws IOException {
        return snapshot(folder).saved();
    }

    static Raw readRaw(Path folder) throws IOException {
        Path file = fileIn(folder);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Raw(ReviewSnapshot.none(folder), null);
        }
        if (!attributes.isRegularFile()) {
            throw new ReviewFileException("the review file " + file + " is not a regular file ("
                    + (attributes.isSymbolicLink()
                            ? "a symbolic link"
                            : attributes.isDirectory() ? "a folder" : "a FIFO or device")
                    + "); it was not read. Move it away to use the folder's review.");
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooLarge(file, attributes.size());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1); // it may have grown since the check
        } catch (NoSuchFileException e) {
            return new Raw(ReviewSnapshot.none(folder), null);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(file, bytes.length);
        }
        SidecarFormat.Parsed parsed = SidecarFormat.parse(folder, bytes);
        return new Raw(
                new ReviewSnapshot(folder, parsed.review(), parsed.damaged(), true, parsed.generation(), sha256(bytes)),
                bytes);
    }

    private static ReviewFileException tooLarge(Path file, long size) {
        return new ReviewFileException(String.format(
                "the review file %s is %,d bytes, more than any review "
                        + "(at most %,d bytes); it was not read. Move it away to use the folder's review.",
                file, size, MAX_BYTES));
    }

    /**
     * Replaces the review of {@code folder} without looking at what is there (the previous file is kept
     * as the backup): for tools and tests. The app saves through {@link ReviewStore}.
     */
    public static void write(Path folder, SavedReview review) throws IOException {
        Raw current;
        try {
            current = readRaw(folder);
        } catch (ReviewFileException e) {
            throw new IOException("the review was not saved: " + e.getMessage(), e);
        }
        replace(folder, SidecarFormat.format(folder, review, current.snapshot().generation() + 1), current.bytes());
    }

    /**
     * Puts {@code bytes} in place of the review file, keeping {@code previous} (the bytes it holds now,
     * null when there is none) as the backup first. Returns the SHA-256 of what was written.
     */
    static String replace(Path folder, byte[] bytes, byte[] previous) throws IOException {
        removeStaleTemporaries(folder);
        if (previous != null) {
            atomicWrite(backupIn(folder), previous);
        }
        atomicWrite(fileIn(folder), bytes);
        return sha256(bytes);
    }

    /** Keeps a copy of a damaged review file before anything replaces it; returns where. */
    static Path keepDamaged(Path folder, byte[] bytes) throws IOException {
        String time =
                LocalDateTime.ofInstant(Instant.now(), ZoneId.systemDefault()).format(STAMP);
        Path copy = folder.resolve(FILE_NAME + DAMAGED_INFIX + time);
        for (int i = 2; Files.exists(copy, LinkOption.NOFOLLOW_LINKS); i++) {
            copy = folder.resolve(FILE_NAME + DAMAGED_INFIX + time + "-" + i);
        }
        atomicWrite(copy, bytes);
        return copy;
    }

    /** Temporary file in the same folder, forced to disk, renamed over {@code target}, the folder forced. */
    static void atomicWrite(Path target, byte[] bytes) throws IOException {
        Path folder = target.getParent();
        // not Files.createTempFile: its owner-only permissions would hide the review from colleagues on a share
        Path tmp = folder.resolve(
                "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + TEMP_SUFFIX);
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            hide(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        forceFolder(folder);
    }

    /** Makes the rename durable where the system allows opening a folder (Linux, macOS); elsewhere a no-op. */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException ignored) {
            // Windows cannot open a folder as a channel; its rename is durable once the file's data is
        }
    }

    /** Temporary files of saves killed part-way (older than ten minutes, so never one being written). */
    private static void removeStaleTemporaries(Path folder) {
        long before = System.currentTimeMillis() - STALE_TEMP_MILLIS;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, "." + FILE_NAME + "*" + TEMP_SUFFIX)) {
            for (Path t : temps) {
                BasicFileAttributes a = Files.readAttributes(t, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().toMillis() < before) {
                    Files.deleteIfExists(t);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // only tidying
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A dot file is hidden on Linux and macOS already; Windows needs the attribute. */
    private static void hide(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("dos")) {
                Files.setAttribute(file, "dos:hidden", true);
            }
        } catch (IOException | RuntimeException ignored) {
            // only cosmetic
        }
    }
}
