package org.roomnet.core.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Keeps a shoot's sidecar up to date as the agent works: each {@link #schedule} hands over a snapshot,
 * and the latest snapshot is saved through a {@link ReviewStore} (merged with any other window's save)
 * after a short quiet period on a background thread, so a burst of edits (or 2,000 classification
 * results) is one write. {@link #close} hands the pending state to
 * the writer and returns at once (the UI thread never waits for the disk); the writer thread is not
 * a daemon, so the process does not exit before that last write is done. Thread-safe.
 */
public final class SidecarAutosave implements AutoCloseable {

    private final String modelName;
    private final String modelVersion;
    private final List<SavedPhoto> carried;
    private final long delayMillis;
    private final Consumer<IOException> onError;
    private final Consumer<ReviewStore.Saved> onSaved;
    private final SidecarWriter sidecarWriter;
    private final ScheduledThreadPoolExecutor writer;
    /** Only touched on the writer thread (after construction). */
    private final Map<Path, FileStamp> stamps = new HashMap<>();

    private Snapshot pending;
    private ScheduledFuture<?> scheduled;
    private boolean closed;
    private final CompletableFuture<Void> lastWrite = new CompletableFuture<>();

    private record Snapshot(List<String> classNames, List<PhotoReview> photos, Map<Path, Long> editTimes) {}

    /** Saves a review; {@link ReviewStore#save} except in tests. */
    @FunctionalInterface
    interface SidecarWriter {
        ReviewStore.Saved write(SavedReview review) throws IOException;
    }

    /**
     * @param carried  saved photos not shown now (outside the files opened, or away from the folder:
     *                 {@link RestorePlan#kept()}), written back unchanged
     * @param restored saved photos shown now, whose stamps are reused instead of reading them again
     * @param onError  told when a write fails (on the writer thread)
     */
    public SidecarAutosave(
            Path folder,
            String modelName,
            String modelVersion,
            List<SavedPhoto> carried,
            List<SavedPhoto> restored,
            long delayMillis,
            Consumer<IOException> onError) {
        this(new ReviewStore(folder), modelName, modelVersion, carried, restored, delayMillis, onError, s -> {});
    }

    /**
     * @param store   saves the review (merging with other windows' saves)
     * @param onSaved told after each save (on the writer thread): whether another save was merged in, and
     *                what the window should take from it
     */
    public SidecarAutosave(
            ReviewStore store,
            String modelName,
            String modelVersion,
            List<SavedPhoto> carried,
            List<SavedPhoto> restored,
            long delayMillis,
            Consumer<IOException> onError,
            Consumer<ReviewStore.Saved> onSaved) {
        this(modelName, modelVersion, carried, restored, delayMillis, onError, onSaved, store::save);
    }

    SidecarAutosave(
            String modelName,
            String modelVersion,
            List<SavedPhoto> carried,
            List<SavedPhoto> restored,
            long delayMillis,
            Consumer<IOException> onError,
            Consumer<ReviewStore.Saved> onSaved,
            SidecarWriter sidecarWriter) {
        this.onSaved = onSaved;
        this.modelName = modelName == null ? "" : modelName;
        this.modelVersion = modelVersion == null ? "" : modelVersion;
        this.carried = List.copyOf(carried);
        this.delayMillis = delayMillis;
        this.onError = onError;
        this.sidecarWriter = sidecarWriter;
        restored.forEach(s -> stamps.put(s.review().file(), s.stamp()));
        this.writer = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "roomnet-sidecar"));
        // an idle writer must not keep the process alive; a busy one must, until its write is done
        writer.setKeepAliveTime(2, TimeUnit.SECONDS);
        writer.allowCoreThreadTimeOut(true);
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() writes what they would
    }

    /** Saves this state of the review soon (replacing any state still waiting). */
    public synchronized void schedule(List<String> classNames, List<PhotoReview> photos) {
        schedule(classNames, photos, Map.of());
    }

    /** Saves this state of the review soon, with when the agent last edited each photo ({@link Review#editTimes}). */
    public synchronized void schedule(List<String> classNames, List<PhotoReview> photos, Map<Path, Long> editTimes) {
        if (closed) {
            return;
        }
        pending = new Snapshot(List.copyOf(classNames), List.copyOf(photos), Map.copyOf(editTimes));
        if (scheduled == null || scheduled.isDone()) {
            scheduled = writer.schedule(this::writePending, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes the waiting state now and waits until it is on disk. Blocks: background threads only. */
    public void flush() {
        try {
            if (!writer.isShutdown()) {
                writer.submit(this::writePending).get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onError.accept(new IOException("the review could not be saved: interrupted", e));
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            onError.accept(new IOException("the review could not be saved: " + e.getMessage(), e));
        }
    }

    private void writePending() {
        Snapshot s;
        synchronized (this) {
            s = pending;
            pending = null;
        }
        if (s == null) {
            return;
        }
        List<SavedPhoto> photos = new ArrayList<>(s.photos().size() + carried.size());
        for (PhotoReview p : s.photos()) {
            FileStamp stamp =
                    stamps.computeIfAbsent(p.file(), f -> FileStamp.of(f).orElse(null));
            if (stamp != null) {
                photos.add(new SavedPhoto(p, stamp, s.editTimes().getOrDefault(p.file(), 0L)));
            }
        }
        photos.addAll(carried);
        try {
            onSaved.accept(sidecarWriter.write(new SavedReview(modelName, modelVersion, s.classNames(), photos)));
        } catch (IOException e) {
            onError.accept(e);
        } catch (RuntimeException e) {
            onError.accept(new IOException("the review could not be saved: " + e, e));
        }
    }

    /**
     * Hands what is pending to the writer and stops it, without waiting. The returned future completes
     * when the last write is on disk (or failed, reported to {@code onError}); whoever reads the
     * sidecar next waits for it first.
     */
    public CompletableFuture<Void> closeAsync() {
        synchronized (this) {
            if (closed) {
                return lastWrite;
            }
            closed = true;
        }
        writer.execute(() -> {
            try {
                writePending();
            } finally {
                lastWrite.complete(null);
            }
        });
        writer.shutdown();
        return lastWrite;
    }

    /** {@link #closeAsync()}, not waiting for the write. */
    @Override
    public void close() {
        closeAsync();
    }
}
