package org.roomnet.core.memory;

import java.io.IOException;
import java.util.List;
import org.roomnet.core.classify.RoomClassifier;

/**
 * The app's memory of reviewed photos for the loaded model: read once, mixed into every shoot opened after, and
 * added to when the agent leaves a shoot. A memory that cannot be used (damaged, another model's) is never
 * overwritten: {@link #problem()} says why, and the app works without it. Thread-safe.
 */
public final class AgentMemory {

    private final MemoryStore store;
    private final List<String> modelClasses;
    private final String problem;
    private Memory memory;

    private AgentMemory(MemoryStore store, List<String> modelClasses, MemoryStore.Loaded loaded) {
        this.store = store;
        this.modelClasses = List.copyOf(modelClasses);
        this.memory = loaded.memory();
        this.problem = loaded.problem();
    }

    /** Reads the memory for {@code classifier}'s model (hashes the model file: background). */
    public static AgentMemory open(MemoryStore store, RoomClassifier classifier) throws IOException {
        ModelKey key =
                ModelKey.of(classifier.modelFile(), classifier.description().version());
        return new AgentMemory(store, classifier.description().classNames(), store.load(key));
    }

    /** Why the memory is not used; empty when it is. */
    public String problem() {
        return problem;
    }

    public synchronized int size() {
        return memory.size();
    }

    /** The mix for the next shoot; null while the memory is empty or unusable (the model alone). */
    public synchronized MemoryBlend blend() {
        return memory.isEmpty() || !problem.isEmpty()
                ? null
                : new MemoryBlend(memory, modelClasses, BlendSettings.DEFAULT);
    }

    /** Adds reviewed photos and saves; returns the number learned (0 when the memory cannot be used). */
    public synchronized int learn(List<MemoryEntry> entries) throws IOException {
        if (!problem.isEmpty() || entries.isEmpty()) {
            return 0;
        }
        Memory updated = memory.with(entries);
        store.save(updated);
        memory = updated;
        return entries.size();
    }

    /** Forgets every photo (Settings › Forget). */
    public synchronized void forgetAll() throws IOException {
        store.clear();
        memory = Memory.empty(memory.model());
    }
}
