package org.roomnet.core.organize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Which file a name holds, recorded in the journal when an organize run writes it, so that undo and
 * rollback can prove a file at a target is the one this run wrote (decision 0012): its inode number on
 * Unix (else the file system's key for it; where a system has none, Windows, its creation time), its size
 * and modification time. Same bytes is no proof: an identical shoot moved into the same folder has them.
 * Not the device number: it can change when a drive is plugged in again or a btrfs volume is mounted
 * again, and the target's path already names the file system.
 */
record FileIdentity(String key, long size, long modifiedNanos) {

    static FileIdentity of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String k;
        if (file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            k = "ino:" + Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
        } else if (a.fileKey() != null) {
            k = a.fileKey().toString();
        } else {
            k = "created:" + a.creationTime().to(TimeUnit.NANOSECONDS);
        }
        return new FileIdentity(k, a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    /** The identity of {@code file} now, or null when there is no file (or it cannot be read). */
    static FileIdentity ofOrNull(Path file) {
        try {
            return of(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The same file (key), whether or not it was changed since. */
    boolean sameFile(FileIdentity other) {
        return other != null && key.equals(other.key);
    }
}
