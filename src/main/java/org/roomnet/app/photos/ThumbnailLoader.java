package org.roomnet.app.photos;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.app.task.UiBatcher;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.imaging.Thumbnails;
import org.roomnet.core.imaging.UnreadablePhotoException;

/**
 * Makes thumbnails of photos restored from a saved review (classification makes its own), on demand:
 * only for cells on screen, newest request first, so scrolling through 2,000 photos stays quick.
 */
final class ThumbnailLoader implements AutoCloseable {

    private record Loaded(PhotoItem item, Thumbnail thumbnail) {}

    private final int maxSide;
    private final UiBatcher<Loaded> results;
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ThreadPoolExecutor pool;

    ThumbnailLoader(TaskExecutor executor, int maxSide, int threads) {
        this.maxSide = maxSide;
        this.results = new UiBatcher<>(
                executor,
                batch -> batch.forEach(l -> l.item().thumbnailProperty().set(l.thumbnail())));
        LinkedBlockingDeque<Runnable> lifo = new LinkedBlockingDeque<>() {
            @Override
            public boolean offer(Runnable r) {
                return offerFirst(r);
            }
        };
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, lifo, r -> {
            Thread t = new Thread(r, "roomnet-thumbnail-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** UI thread: asks for the item's thumbnail once; it arrives in its thumbnail property. */
    void request(PhotoItem item) {
        if (item.thumbnailProperty().get() != null || !item.review().isReadable() || !item.markThumbnailRequested()) {
            return;
        }
        pool.execute(() -> {
            try {
                var decoded = PhotoDecoder.decode(item.file(), maxSide);
                results.post(new Loaded(item, Thumbnail.of(Thumbnails.fit(decoded, maxSide))));
            } catch (UnreadablePhotoException | RuntimeException | OutOfMemoryError e) {
                // the cell keeps its placeholder; the preview will say what is wrong
            }
        });
    }

    /** Forgets requests not started yet (another shoot was opened). */
    void cancelPending() {
        pool.getQueue().clear();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
