package org.roomnet.core.review;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Saves one window's review of a shoot without ever replacing another's save blindly. Each save, under
 * the shoot's save lock ({@value #LOCK_FILE}: an OS lock, plus a lock within this process):
 * <ol>
 * <li>reads the file as it is now; a damaged one is copied aside first ({@link ReviewSidecar#keepDamaged});</li>
 * <li>if its content (SHA-256) is not what this store last read or wrote, someone else saved: their
 *     review and this one are merged photo by photo ({@link ReviewMerge}); else this one is merged
 *     with what this store wrote last (which holds what it took from others before);</li>
 * <li>writes the result with the next generation number, the replaced file kept as the backup.</li>
 * </ol>
 * Thread-safe (one save at a time).
 */
public final class ReviewStore {

    static final String LOCK_FILE = ".roomnet-review.lock";
    private static final long LOCK_WAIT_MILLIS = 10_000;
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path folder;
    private final Set<String> damagedKept = new HashSet<>();
    /** SHA-256 of the file as last read or written here ("" no file; null: not known). */
    private String knownHash;

    private long generation;
    private SavedReview lastWritten;

    /**
     * What a save did.
     *
     * @param merged       another window's save was found and merged in
     * @param changed      photos the window should now show as saved (their newer edits), for {@link Review#adopt}
     * @param theirsLost   the other save used other room types: it was replaced (kept in the backup)
     * @param damagedCopy  where a damaged review file was copied before being replaced; null when none was
     */
    public record Saved(boolean merged, List<SavedPhoto> changed, boolean theirsLost, Path damagedCopy) {}

    /** @param opened the review file as this window read it when opening the shoot */
    public ReviewStore(ReviewSnapshot opened) {
        this.folder = opened.folder();
        this.knownHash = opened.sha256();
        this.generation = opened.generation();
        this.lastWritten = opened.review();
    }

    /** A store that has read nothing: its first save merges with whatever review file is there. */
    public ReviewStore(Path folder) {
        this(ReviewSnapshot.none(folder));
        this.knownHash = null;
    }

    public Path folder() {
        return folder;
    }

    public synchronized Saved save(SavedReview mine) throws IOException {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(folder.toAbsolutePath().normalize(), f -> new ReentrantLock());
        try {
            if (!local.tryLock(LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IOException("another save of this shoot did not finish in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (FileLock ignored = osLock()) {
            return saveLocked(mine);
        } finally {
            local.unlock();
        }
    }

    private Saved saveLocked(SavedReview mine) throws IOException {
        ReviewSidecar.Raw current = ReviewSidecar.readRaw(folder); // not a regular file, or too large: never replaced
        ReviewSnapshot now = current.snapshot();
        Path copy = null;
        if (now.isDamaged() && damagedKept.add(now.sha256())) {
            copy = ReviewSidecar.keepDamaged(folder, current.bytes());
        }
        boolean someoneSaved = !now.sha256().equals(knownHash);
        ReviewMerge.Result result = ReviewMerge.merge(someoneSaved ? now.review() : lastWritten, mine);
        long next = Math.max(now.generation(), generation) + 1;
        byte[] bytes = SidecarFormat.format(folder, result.merged(), next);
        knownHash = ReviewSidecar.replace(folder, bytes, current.bytes());
        generation = next;
        lastWritten = result.merged();
        return new Saved(someoneSaved && now.exists(), result.changed(), someoneSaved && result.theirsLost(), copy);
    }

    /**
     * The OS lock of the save lock file, or null where the file system has none (some network shares):
     * then only the lock within this process and the merge protect the save.
     */
    private FileLock osLock() throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return null;
        }
        long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // cannot happen under the in-process lock; wait like for another process
                } catch (IOException e) {
                    channel.close();
                    return null; // "no locks available": a share without locking
                }
                if (lock != null) {
                    return new ChannelLock(channel, lock);
                }
                if (System.currentTimeMillis() > deadline) {
                    channel.close();
                    throw new IOException(
                            "another program has held the review's save lock for " + LOCK_WAIT_MILLIS / 1000 + " s");
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new IOException("interrupted", e);
        }
    }

    /** A lock that closes its channel when released. */
    private static final class ChannelLock extends FileLock {
        private final FileLock lock;

        ChannelLock(FileChannel channel, FileLock lock) {
            super(channel, lock.position(), lock.size(), lock.isShared());
            this.lock = lock;
        }

        @Override
        public boolean isValid() {
            return lock.isValid();
        }

        @Override
        public void release() throws IOException {
            try {
                lock.release();
            } finally {
                channel().close();
            }
        }
    }
}
