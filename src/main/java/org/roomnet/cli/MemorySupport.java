package org.roomnet.cli;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.roomnet.core.classify.ClassificationListener;
import org.roomnet.core.classify.ClassifyOptions;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.memory.BlendSettings;
import org.roomnet.core.memory.MemoryBlend;
import org.roomnet.core.memory.MemoryLearner;
import org.roomnet.core.memory.MemoryStore;
import org.roomnet.core.memory.ModelKey;
import org.roomnet.core.workflow.Shoot;

/**
 * The memory of reviewed photos for the commands: classify and export-listing use it unless --no-memory (never
 * fatal); learn and memory re-learn add photos to it.
 */
final class MemorySupport {

    private MemorySupport() {}

    /**
     * The memory's blend for this model, or null (none, empty, disabled, or unusable: then {@code err} says why
     * and the photos are classified by the model alone).
     */
    static MemoryBlend open(boolean disabled, RoomClassifier classifier, Path modelFile, PrintStream err) {
        if (disabled) {
            err.println("memory: not used (--no-memory)");
            return null;
        }
        ModelKey key;
        try {
            key = ModelKey.of(modelFile, classifier.description().version());
        } catch (IOException e) {
            err.println(
                    "note: the memory is not used: cannot read the model file to identify it (" + e.getMessage() + ")");
            return null;
        }
        MemoryStore.Loaded loaded = MemoryStore.defaultStore().load(key);
        if (!loaded.usable()) {
            err.println("note: " + loaded.problem());
            return null;
        }
        if (loaded.memory().isEmpty()) {
            return null;
        }
        if (classifier.description().embeddingOutput() == null) {
            err.println("note: the memory is not used: this model gives no embedding");
            return null;
        }
        MemoryBlend blend =
                new MemoryBlend(loaded.memory(), classifier.description().classNames(), BlendSettings.DEFAULT);
        err.printf(
                "memory: learned from %d photos%s%n",
                blend.size(),
                blend.classNames().size() > classifier.description().classCount()
                        ? "; room types added: "
                                + String.join(
                                        ", ",
                                        blend.classNames()
                                                .subList(
                                                        classifier.description().classCount(),
                                                        blend.classNames().size()))
                        : "");
        return blend;
    }

    /**
     * The memories of labelled photos: classified as every shoot is ({@link Shoot#classifyRest}), then remembered.
     *
     * @throws IllegalArgumentException the model gives no embedding
     */
    static MemoryLearner.Outcome learn(
            RoomClassifier classifier,
            Path folder,
            Map<Path, String> labels,
            String shoot,
            long now,
            ClassificationListener progress)
            throws OrtException, InterruptedException {
        MemoryLearner.requireEmbedding(classifier);
        Shoot photos = Shoot.fresh(folder, List.copyOf(labels.keySet()), classifier);
        return MemoryLearner.learn(
                photos.classifyRest(ClassifyOptions.defaults(), progress), folder, labels, shoot, now);
    }
}
