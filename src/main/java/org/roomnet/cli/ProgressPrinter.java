package org.roomnet.cli;

import java.io.PrintStream;
import org.roomnet.core.classify.ClassificationListener;
import org.roomnet.core.classify.PhotoResult;

/** Prints a progress line about twice a second, and the time taken. */
final class ProgressPrinter implements ClassificationListener {

    private final PrintStream out;
    private final long start = System.nanoTime();
    private long lastPrint;

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onResult(PhotoResult result, int done, int total) {
        long now = System.nanoTime();
        if (done == total || now - lastPrint > 500_000_000L) {
            lastPrint = now;
            out.printf("classified %d/%d (%.1f photos/s)%n", done, total, done / Math.max(1e-9, elapsedSeconds()));
        }
    }

    void finish() {
        out.flush();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
