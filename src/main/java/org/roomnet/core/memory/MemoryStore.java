package org.roomnet.core.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.roomnet.core.util.RoomNetHome;

/**
 * Where the memory lives ({@code <RoomNet home>/memory/memory.rnm}) and what loading it for a model gives:
 * the memory, or, when the file is damaged, foreign or from another model, an empty one and a message saying
 * why; classifying goes on without it.
 */
public final class MemoryStore {

    public static final String FILE_NAME = "memory.rnm";

    private final Path file;

    public MemoryStore(Path file) {
        this.file = file;
    }

    public static MemoryStore defaultStore() {
        return new MemoryStore(RoomNetHome.dir().resolve("memory").resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * What loading the memory for a model gave. {@code memory} is usable with that model (empty when there
     * is none, or it cannot be used); {@code stored} is what the file holds when it is readable, also when it
     * belongs to another model; {@code problem} says why the memory is not used, empty when it is.
     */
    public record Loaded(Memory memory, Optional<Memory> stored, String problem) {

        public boolean usable() {
            return problem.isEmpty();
        }

        /** The file belongs to another model: its photos can be learned again with this one. */
        public boolean otherModel() {
            return !usable() && stored.isPresent();
        }
    }

    public Loaded load(ModelKey model) {
        Memory stored;
        try {
            stored = MemoryFile.read(file);
        } catch (NoSuchFileException e) {
            return new Loaded(Memory.empty(model), Optional.empty(), "");
        } catch (IOException e) {
            return new Loaded(
                    Memory.empty(model),
                    Optional.empty(),
                    "the memory cannot be used: " + e.getMessage()
                            + "; classifying without it (roomnet memory --clear starts a new one)");
        }
        if (!stored.model().equals(model)) {
            return new Loaded(
                    Memory.empty(model),
                    Optional.of(stored),
                    "the memory (" + stored.size()
                            + " photos) was learned with model "
                            + stored.model().describe() + " and this model "
                            + model.describe()
                            + " cannot use its embeddings; classifying without it (roomnet memory --relearn "
                            + "learns its photos again with this model, where they still exist)");
        }
        return new Loaded(stored, Optional.of(stored), "");
    }

    /** Reads the file as it is, whatever model it belongs to; empty when there is none. */
    public Optional<Memory> readAny() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(MemoryFile.read(file));
    }

    public void save(Memory memory) throws IOException {
        MemoryFile.write(memory, file);
    }

    /** Removes the memory file; true when there was one. */
    public boolean clear() throws IOException {
        return Files.deleteIfExists(file);
    }
}
