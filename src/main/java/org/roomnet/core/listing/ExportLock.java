package org.roomnet.core.listing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive right to write an export folder and the hidden folders beside it: an OS file lock, kept
 * with the export records (not in the upload folder), held by an export for its whole run. The OS
 * releases it when the process dies, so while it is held no live export owns a staging folder left
 * beside the target: those are a killed run's, and may go. A second export into the same folder, in
 * this process or another, is refused at once.
 */
final class ExportLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ExportLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ExportLock acquire(ExportRecords records, Path folder) throws ListingException {
        Path file = records.lockFile(folder);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new ExportLock(channel, lock);
            }
        } catch (OverlappingFileLockException held) {
            // held by another export in this process
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ListingException("cannot lock the export to " + folder + ": " + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw new ListingException("another export into " + folder + " is running right now; nothing was exported. "
                + "Try again when it has finished");
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
