package org.roomnet.core.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An OS file lock on one file, taken without waiting: held by this process until {@link #close()}, and
 * released by the OS when the process dies, so a killed run never leaves a stale lock. Another holder, in
 * this process or another, makes {@link #tryAcquire} answer empty.
 */
public final class ExclusiveFileLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ExclusiveFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock on {@code file} (created with its folders when missing); empty when someone holds it. */
    public static Optional<ExclusiveFileLock> tryAcquire(Path file) throws IOException {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new ExclusiveFileLock(channel, lock));
            }
        } catch (OverlappingFileLockException held) {
            // held by someone else in this process
        } catch (IOException e) {
            closeQuietly(channel);
            throw e;
        }
        closeQuietly(channel);
        return Optional.empty();
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
