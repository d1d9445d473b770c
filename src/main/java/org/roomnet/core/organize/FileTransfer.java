package org.roomnet.core.organize;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File operations that never overwrite and never lose data: a target that exists is an error,
 * a copy is read back and compared before it counts, and a source is only removed after that.
 * A copy carries the original's modification time, POSIX permissions and (where the process may
 * set it) owner and group, so that a move across file systems and its undo change nothing but the place.
 */
final class FileTransfer {

    static final String PART_SUFFIX = ".roomnet-part";

    /**
     * Told the identity of the file that is about to appear at a target, before it appears there: the
     * journal records it (forced to disk) as this run's proof of ownership (decision 0012).
     */
    @FunctionalInterface
    interface Ownership {
        Ownership NONE = identity -> {};

        void wrote(FileIdentity identity) throws IOException;
    }

    private FileTransfer() {}

    /**
     * Copies {@code source} to {@code target} (which must not exist), verified; returns the SHA-256.
     * The copy is made under a temporary name of this run ({@code token}); its identity goes to
     * {@code ownership} once it is verified and before it is put in place (the name it gets keeps it).
     */
    static String copyVerified(Path source, Path target, String token, Ownership ownership) throws IOException {
        Path part = partFile(target, token);
        Files.deleteIfExists(part);
        String sourceHash;
        try (InputStream in = Files.newInputStream(source);
                DigestInputStream digesting = new DigestInputStream(in, sha256());
                OutputStream out =
                        Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            digesting.transferTo(out);
            sourceHash = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        }
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            String copyHash = hash(part);
            if (!copyHash.equals(sourceHash)) {
                throw new IOException("the copy of " + source.getFileName() + " does not match the original");
            }
            copyMetadata(source, part);
            ownership.wrote(FileIdentity.of(part));
            publish(part, target);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return sourceHash;
    }

    /**
     * Moves without overwriting: a hard link plus unlink on the same file system (atomic, and
     * a crash in between leaves both names), else a verified copy and then removal of the source.
     * The identity of what will be at the target goes to {@code ownership} before it is there, so
     * the source is never removed before the journal holds the proof. Returns the SHA-256 when a
     * copy was made, "-" for a link.
     */
    static String moveSafely(Path source, Path target, String token, Ownership ownership) throws IOException {
        ownership.wrote(FileIdentity.of(source)); // a hard link is the same file
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            String hash = copyVerified(source, target, token, ownership);
            Files.delete(source);
            return hash;
        }
        try {
            Files.delete(source);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return "-";
    }

    /** Puts a finished temporary file in place; fails if the target appeared meanwhile. */
    private static void publish(Path part, Path target) throws IOException {
        try {
            Files.createLink(target, part);
            Files.delete(part);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(part, target);
        }
    }

    /**
     * Modification time (the review sidecar recognises photos by it, as `mv` and `cp -p` keep it),
     * owner and group where allowed (only root may give a file away), then the permission bits, with
     * setuid, setgid and sticky where the file system has a Unix mode (after the owner: a change of
     * owner clears setuid; the kernel may still drop setgid for a group the process is not in).
     */
    private static void copyMetadata(Path source, Path copy) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(copy, PosixFileAttributeView.class);
        PosixFileAttributeView from = Files.getFileAttributeView(source, PosixFileAttributeView.class);
        if (view != null && from != null) {
            PosixFileAttributes original = from.readAttributes();
            try {
                view.setOwner(original.owner());
                view.setGroup(original.group());
            } catch (FileSystemException | UnsupportedOperationException notAllowed) {
                // an ordinary user keeps the copy as their own, like `cp -p` does
            }
            if (copy.getFileSystem().supportedFileAttributeViews().contains("unix")
                    && source.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                Files.setAttribute(copy, "unix:mode", Files.getAttribute(source, "unix:mode"));
            } else {
                view.setPermissions(original.permissions());
            }
        }
        Files.setLastModifiedTime(copy, Files.getLastModifiedTime(source));
    }

    /**
     * The temporary name of a copy in progress: a hidden name derived from a hash of the target's
     * name, so it stays short (a 250-byte photo name plus a prefix and suffix would pass the 255-byte
     * limit), and the run's token, so that no other run ever writes or removes it (a journal of an
     * earlier version has no token: null).
     */
    static Path partFile(Path target, String token) {
        byte[] name = target.getFileName().toString().getBytes(StandardCharsets.UTF_8);
        String hash = HexFormat.of().formatHex(sha256().digest(name), 0, 8);
        return target.resolveSibling("." + hash + (token == null ? "" : "-" + token) + PART_SUFFIX);
    }

    static boolean sameContent(Path a, Path b) throws IOException {
        if (Files.size(a) != Files.size(b)) {
            return false;
        }
        try {
            if (Files.isSameFile(a, b)) {
                return true;
            }
        } catch (IOException ignored) {
            // compare the bytes instead
        }
        return Files.mismatch(a, b) == -1L;
    }

    static String hash(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
