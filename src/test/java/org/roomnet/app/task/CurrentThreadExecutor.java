package org.roomnet.app.task;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * For view-model tests: the test thread plays the UI thread. Work runs at once on it; what other
 * threads post for the UI thread waits in a queue until the next {@link #drain} (done after each job).
 */
public final class CurrentThreadExecutor implements TaskExecutor {

    private final Thread uiThread = Thread.currentThread();
    private final Queue<Runnable> posted = new ConcurrentLinkedQueue<>();

    @Override
    public <T> void execute(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            drain();
            onFailure.accept(e);
            return;
        }
        drain();
        onSuccess.accept(result);
    }

    @Override
    public void runOnUiThread(Runnable action) {
        if (Thread.currentThread() == uiThread) {
            action.run();
        } else {
            posted.add(action);
        }
    }

    /** Runs what other threads posted for the UI thread. */
    public void drain() {
        for (Runnable r; (r = posted.poll()) != null; ) {
            r.run();
        }
    }

    @Override
    public void shutdown() {
        posted.clear();
    }
}
