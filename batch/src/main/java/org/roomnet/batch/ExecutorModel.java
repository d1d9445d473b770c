package org.roomnet.batch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;

/**
 * One ONNX Runtime session per JVM (a Spark executor; in local mode the driver, which is its own executor), opened
 * by the first partition that needs it and kept for every later partition, stage and run: opening one takes about
 * half a second and ~100 MB. Sessions are thread-safe, so the executor's concurrent tasks share it. Never closed:
 * it lives as long as the executor, and closing ONNX Runtime at JVM exit is what crashes (the app's disabled
 * in-JVM Ctrl+C test).
 */
final class ExecutorModel {

    private static final Map<String, RoomClassifier> OPEN = new HashMap<>();
    private static int opened;

    private ExecutorModel() {}

    /** The session on {@code modelFile} (a file local to this JVM, from SparkFiles), opened on first use. */
    static synchronized RoomClassifier get(Path modelFile, ProviderPreference provider) throws ModelLoadException {
        String key = modelFile.toAbsolutePath().normalize() + "|" + provider;
        RoomClassifier classifier = OPEN.get(key);
        if (classifier == null) {
            classifier = RoomClassifier.open(modelFile, provider);
            OPEN.put(key, classifier);
            opened++;
        }
        return classifier;
    }

    /** How many sessions this JVM has opened so far (the tests' proof that partitions share one). */
    static synchronized int openedCount() {
        return opened;
    }
}
