package org.roomnet.core.organize;

import java.io.IOException;
import java.nio.file.Path;
import org.roomnet.core.util.ExclusiveFileLock;

/**
 * The exclusive right to change a shoot's files and journals: an OS file lock on a file beside the
 * journals, held by every organize and undo for its whole run, and by the listing export, which reads
 * the files while a move would take them away. The OS releases it when the process
 * dies, so a killed run never leaves a stale lock. A second command, in this process or another,
 * is refused at once with a message that says so.
 */
public final class ShootLock implements AutoCloseable {

    private final ExclusiveFileLock lock;

    private ShootLock(ExclusiveFileLock lock) {
        this.lock = lock;
    }

    public static ShootLock acquire(JournalStore journals, Path sourceFolder) throws OrganizeException {
        try {
            return ExclusiveFileLock.tryAcquire(journals.lockFile(sourceFolder))
                    .map(ShootLock::new)
                    .orElseThrow(
                            () -> new OrganizeException(
                                    "another organize or undo is working on " + sourceFolder
                                            + " right now, or an export is reading it; nothing was changed by this one. Try again when it has finished."));
        } catch (IOException e) {
            throw new OrganizeException("cannot lock the journal of " + sourceFolder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
