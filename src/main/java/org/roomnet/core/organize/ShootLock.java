package org.roomnet.core.organize;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive right to change a shoot's files and journals: an OS file lock on a file beside the
 * journals, held by every organize and undo for its whole run, and by the listing export, which reads
 * the files while a move would take them away. The OS releases it when the process
 * dies, so a killed run never leaves a stale lock. A second command, in this process or another,
 * is refused at once with a message that says so.
 */
public final class ShootLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ShootLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static ShootLock acquire(JournalStore journals, Path sourceFolder) throws OrganizeException {
        Path file = journals.lockFile(sourceFolder);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new ShootLock(channel, lock);
            }
        } catch (OverlappingFileLockException held) {
            // held by another command in this process (the app, or a test)
        } catch (IOException e) {
            closeQuietly(channel);
            throw new OrganizeException("cannot lock the journal of " + sourceFolder + ": " + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw new OrganizeException("another organize or undo is working on " + sourceFolder
                + " right now, or an export is reading it; nothing was changed by this one. Try again when it has finished.");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // it was only opened to take the lock
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }
}
