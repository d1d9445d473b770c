package org.roomnet.app.task;

import java.util.function.Consumer;

/**
 * Runs long work off the UI thread and hands results back on it. The app uses {@link FxTaskExecutor};
 * tests of view models use one that runs everything on the calling thread.
 */
public interface TaskExecutor {

    /** Work that may block: runs on a background thread. */
    @FunctionalInterface
    interface Work<T> {
        T call() throws Exception;
    }

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void execute(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread, after what was posted before it. */
    void runOnUiThread(Runnable action);

    /** Stops accepting work; running work is interrupted. */
    void shutdown();
}
