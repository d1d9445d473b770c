package org.roomnet.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.memory.BlendSettings;
import org.roomnet.core.memory.Memory;
import org.roomnet.core.memory.MemoryBlend;
import org.roomnet.core.memory.MemoryFile;
import org.roomnet.core.memory.ModelKey;

/**
 * The memory of reviewed photos (a file written by {@code memory --export}) read once per JVM, as the model's
 * session is ({@link ExecutorModel}), and mixed in as the app and {@code classify} mix it in.
 */
final class ExecutorMemory {

    private static final Map<String, MemoryBlend> READ = new HashMap<>();

    private ExecutorMemory() {}

    /**
     * The mix of {@code memoryFile}'s photos with {@code classifier}'s model; null where it holds none.
     *
     * @throws IOException the file is missing, damaged, foreign or learned with another model (the message says
     *     which)
     */
    static synchronized MemoryBlend get(Path memoryFile, RoomClassifier classifier) throws IOException {
        String key = memoryFile.toAbsolutePath().normalize() + "|" + classifier.modelFile();
        if (READ.containsKey(key)) {
            return READ.get(key);
        }
        if (!Files.isRegularFile(memoryFile)) {
            throw new IOException("no memory file " + memoryFile);
        }
        if (classifier.description().embeddingOutput() == null) {
            throw new IOException("this model gives no embedding, which the memory needs");
        }
        ModelKey model =
                ModelKey.of(classifier.modelFile(), classifier.description().version());
        Memory stored = MemoryFile.read(memoryFile); // a damaged or foreign file says why
        if (!stored.model().equals(model)) {
            throw new IOException("it was learned with model " + stored.model().describe() + ", and this model "
                    + model.describe() + " cannot use its embeddings (memory --relearn on the machine that has the"
                    + " photos learns them again)");
        }
        MemoryBlend blend = stored.isEmpty()
                ? null
                : new MemoryBlend(stored, classifier.description().classNames(), BlendSettings.DEFAULT);
        READ.put(key, blend);
        return blend;
    }
}
