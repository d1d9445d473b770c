package org.roomnet.core.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps a shoot's sidecar up to date as the agent works: each {@link #schedule} hands over a snapshot,
 * and the latest snapshot is written after a short quiet period on a background thread, so a burst
 * of edits (or 2,000 classification results) is one write. {@link #close} writes what is pending.
 * Thread-safe.
 */
public final class SidecarAutosave implements AutoCloseable {

    private final Path folder;
    private final String modelName;
    private final String modelVersion;
    private final List<SavedPhoto> carried;
    private final long delayMillis;
    private final Consumer<IOException> onError;
    private final ScheduledExecutorService writer;
    /** Only touched on the writer thread (after construction). */
    private final Map<Path, FileStamp> stamps = new HashMap<>();

    private Snapshot pending;
    private ScheduledFuture<?> scheduled;
    private boolean closed;

    private record Snapshot(List<String> classNames, List<PhotoReview> photos) {
    }

    /**
     * @param carried  saved photos not shown now (outside the files opened, or away from the folder:
     *                 {@link RestorePlan#kept()}), written back unchanged
     * @param restored saved photos shown now, whose stamps are reused instead of reading them again
     * @param onError  told when a write fails (on the writer thread)
     */
    public SidecarAutosave(Path folder, String modelName, String modelVersion, List<SavedPhoto> carried,
                           List<SavedPhoto> restored, long delayMillis, Consumer<IOException> onError) {
        this.folder = folder;
        this.modelName = modelName == null ? "" : modelName;
        this.modelVersion = modelVersion == null ? "" : modelVersion;
        this.carried = List.copyOf(carried);
        this.delayMillis = delayMillis;
        this.onError = onError;
        restored.forEach(s -> stamps.put(s.review().file(), s.stamp()));
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "roomnet-sidecar");
            t.setDaemon(true);
            return t;
        });
    }

    /** Saves this state of the review soon (replacing any state still waiting). */
    public synchronized void schedule(List<String> classNames, List<PhotoReview> photos) {
        if (closed) {
            return;
        }
        pending = new Snapshot(List.copyOf(classNames), List.copyOf(photos));
        if (scheduled == null || scheduled.isDone()) {
            scheduled = writer.schedule(this::writePending, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes the waiting state now and waits until it is on disk. */
    public void flush() {
        ExecutorService w = writer;
        try {
            if (!w.isShutdown()) {
                w.submit(this::writePending).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
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
            FileStamp stamp = stamps.computeIfAbsent(p.file(), f -> FileStamp.of(f).orElse(null));
            if (stamp != null) {
                photos.add(new SavedPhoto(p, stamp));
            }
        }
        photos.addAll(carried);
        try {
            ReviewSidecar.write(folder, new SavedReview(modelName, modelVersion, s.classNames(), photos));
        } catch (IOException e) {
            onError.accept(e);
        }
    }

    /** Writes what is pending, then stops the writer. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        flush();
        writer.shutdown();
    }
}
