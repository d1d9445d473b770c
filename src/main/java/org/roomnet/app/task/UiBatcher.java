package org.roomnet.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects items posted from worker threads and hands them to the UI thread in batches: however
 * fast results arrive, the UI thread gets at most one pending update, never thousands of them.
 */
public final class UiBatcher<T> {

    private final TaskExecutor executor;
    private final Consumer<List<T>> consumer;
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public UiBatcher(TaskExecutor executor, Consumer<List<T>> consumer) {
        this.executor = executor;
        this.consumer = consumer;
    }

    /** Any thread. */
    public void post(T item) {
        queue.add(item);
        if (!scheduled.getAndSet(true)) {
            executor.runOnUiThread(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
