package org.roomnet.core.classify;

/** Receives results as they arrive, from a worker thread; implementations hand off to their own thread. */
@FunctionalInterface
public interface ClassificationListener {
    void onResult(PhotoResult result, int done, int total);
}
