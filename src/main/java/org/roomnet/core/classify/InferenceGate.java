package org.roomnet.core.classify;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets the JVM exit only when no thread is inside ONNX Runtime. ONNX Runtime's Java API registers a shutdown
 * hook that releases its native environment; run at exit while another thread is still inside
 * {@code OrtSession.run}, it crashes the process (SIGSEGV, exit 134) instead of giving the documented exit code.
 * Inference holds the gate's shared side; {@link #closeAndAwait} takes the exclusive side before an exit and
 * never gives it back, so a batch in flight finishes and no new one starts.
 */
public final class InferenceGate {

    private static final ReadWriteLock LOCK = new ReentrantReadWriteLock();

    private InferenceGate() {}

    /** Runs {@code work}, which calls into ONNX Runtime; once the gate is closed it waits until the JVM has exited. */
    static <T, E extends Exception> T enter(NativeWork<T, E> work) throws E {
        LOCK.readLock().lock();
        try {
            return work.run();
        } finally {
            LOCK.readLock().unlock();
        }
    }

    /**
     * Closes the gate for good before the JVM exits: waits up to {@code patience} for inference in flight to
     * end. Returns false where it is still running by then (the exit goes on and may crash).
     */
    public static boolean closeAndAwait(Duration patience) {
        try {
            return LOCK.writeLock().tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits up to {@code patience} for inference in flight to end, leaving the gate open: for a caller that has
     * cancelled its classifying and must not keep a later one in the same JVM out. False if it did not end.
     */
    public static boolean awaitIdle(Duration patience) {
        if (!closeAndAwait(patience)) {
            return false;
        }
        LOCK.writeLock().unlock();
        return true;
    }

    /** Work done inside ONNX Runtime. */
    @FunctionalInterface
    interface NativeWork<T, E extends Exception> {
        T run() throws E;
    }
}
