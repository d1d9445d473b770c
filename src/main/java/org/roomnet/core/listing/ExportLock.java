package org.roomnet.core.listing;

import java.io.IOException;
import java.nio.file.Path;
import org.roomnet.core.util.ExclusiveFileLock;

/**
 * The exclusive right to write an export folder and the hidden folders beside it: an OS file lock, kept
 * with the export records (not in the upload folder), held by an export for its whole run. The OS
 * releases it when the process dies, so while it is held no live export owns a staging folder left
 * beside the target: those are a killed run's, and may go. A second export into the same folder, in
 * this process or another, is refused at once.
 */
final class ExportLock implements AutoCloseable {

    private final ExclusiveFileLock lock;

    private ExportLock(ExclusiveFileLock lock) {
        this.lock = lock;
    }

    static ExportLock acquire(ExportRecords records, Path folder) throws ListingException {
        try {
            return ExclusiveFileLock.tryAcquire(records.lockFile(folder))
                    .map(ExportLock::new)
                    .orElseThrow(() -> new ListingException("another export into " + folder
                            + " is running right now; nothing was exported. " + "Try again when it has finished"));
        } catch (IOException e) {
            throw new ListingException("cannot lock the export to " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
