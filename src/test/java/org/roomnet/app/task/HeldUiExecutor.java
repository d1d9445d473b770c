package org.roomnet.app.task;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * For window tests that look at the UI between two results: background work runs on real threads, but what
 * it hands the UI thread (results, thumbnails, the end of a job) waits here until the test releases it, one
 * piece at a time, in the order it was posted ({@link #releaseNext}, from the test's thread).
 */
public final class HeldUiExecutor implements TaskExecutor {

    private final FxTaskExecutor background = new FxTaskExecutor();
    private final BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();

    @Override
    public <T> void execute(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        background.execute(
                work,
                result -> held.add(() -> onSuccess.accept(result)),
                error -> held.add(() -> onFailure.accept(error)));
    }

    @Override
    public void runOnUiThread(Runnable action) {
        held.add(action);
    }

    /**
     * Waits up to {@code timeoutMillis} for the next piece of work for the UI thread and runs it there; false
     * when none came. Call from the test's thread, never from the UI thread (a finished job reaches the queue
     * through the UI thread).
     */
    public boolean releaseNext(long timeoutMillis) throws Exception {
        Runnable next = held.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (next == null) {
            return false;
        }
        FutureTask<Void> run = new FutureTask<>(next, null);
        Platform.runLater(run);
        run.get(30, TimeUnit.SECONDS);
        return true;
    }

    @Override
    public void shutdown() {
        held.clear();
        background.shutdown();
    }
}
