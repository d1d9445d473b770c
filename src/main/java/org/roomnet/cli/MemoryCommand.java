package org.roomnet.cli;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.memory.Memory;
import org.roomnet.core.memory.MemoryEntry;
import org.roomnet.core.memory.MemoryFile;
import org.roomnet.core.memory.MemoryLearner;
import org.roomnet.core.memory.MemoryStore;
import org.roomnet.core.memory.ModelKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code memory --list | --forget <shoot> | --clear | --export <file> | --import <file> | --relearn}. */
@Command(
        name = "memory",
        mixinStandardHelpOptions = true,
        description = "Show or manage the memory of reviewed photos (default: --list).")
public final class MemoryCommand implements Callable<Integer> {

    static final class Action {
        @Option(names = "--list", description = "what the memory holds, per shoot and room type")
        boolean list;

        @Option(
                names = "--forget",
                paramLabel = "<shoot>",
                description = "forget the photos learned from a shoot folder")
        Path forget;

        @Option(names = "--clear", description = "forget everything (deletes the memory file)")
        boolean clear;

        @Option(names = "--export", paramLabel = "<file>", description = "write the memory to a new file, to share it")
        Path export;

        @Option(
                names = "--import",
                paramLabel = "<file>",
                description = "add the photos of an exported memory (same model)")
        Path importFile;

        @Option(
                names = "--relearn",
                description = "learn the memory's photos again with this model, where they still exist")
        boolean relearn;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Action action = new Action();

    @Mixin
    ModelOptions models = new ModelOptions();

    @Override
    public Integer call() {
        PrintStream err = System.err;
        MemoryStore store = MemoryStore.defaultStore();
        try {
            if (action.clear) {
                err.println(store.clear() ? "memory cleared (" + store.file() + " deleted)" : "the memory was empty");
                return RoomNetCommand.EXIT_OK;
            }
            if (action.relearn) {
                return relearn(store, err);
            }
            Optional<Memory> memory = store.readAny();
            if (action.importFile != null) {
                return importFrom(store, memory, err);
            }
            if (memory.isEmpty()) {
                err.println("the memory is empty (" + store.file() + ")");
                return action.export != null || action.forget != null
                        ? RoomNetCommand.EXIT_USAGE
                        : RoomNetCommand.EXIT_OK;
            }
            if (action.forget != null) {
                String shoot = action.forget.toAbsolutePath().normalize().toString();
                Memory left = memory.get().withoutShoot(shoot);
                if (left.size() == memory.get().size()) {
                    err.println("error: the memory has no photo of " + shoot + " (memory --list shows its shoots)");
                    return RoomNetCommand.EXIT_USAGE;
                }
                store.save(left);
                err.printf(
                        "forgot %d photos of %s; the memory holds %d%n",
                        memory.get().size() - left.size(), shoot, left.size());
                return RoomNetCommand.EXIT_OK;
            }
            if (action.export != null) {
                if (Files.exists(action.export)) {
                    err.println("error: " + action.export + " exists; choose a new file");
                    return RoomNetCommand.EXIT_USAGE;
                }
                MemoryFile.write(memory.get(), action.export);
                err.printf("exported %d photos to %s%n", memory.get().size(), action.export);
                return RoomNetCommand.EXIT_OK;
            }
            list(memory.get(), store, System.out);
            return RoomNetCommand.EXIT_OK;
        } catch (MemoryFile.UnreadableMemoryException e) {
            err.println("error: " + e.getMessage() + " (memory --clear starts a new one)");
            return RoomNetCommand.EXIT_FILES;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        }
    }

    private static void list(Memory memory, MemoryStore store, PrintStream out) {
        out.printf(
                "memory: %d photos, model %s (%s)%n",
                memory.size(), memory.model().describe(), store.file());
        out.println("by shoot:");
        memory.countsByShoot().forEach((shoot, n) -> out.printf("  %5d  %s%n", n, shoot));
        out.println("by room type:");
        memory.countsByLabel().forEach((label, n) -> out.printf("  %5d  %s%n", n, label));
    }

    private int importFrom(MemoryStore store, Optional<Memory> current, PrintStream err) throws IOException {
        Memory imported;
        try {
            imported = MemoryFile.read(action.importFile);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("error: no such file: " + action.importFile);
            return RoomNetCommand.EXIT_USAGE;
        } catch (MemoryFile.UnreadableMemoryException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_USAGE;
        }
        if (current.isPresent() && !current.get().model().equals(imported.model())) {
            err.println("error: " + action.importFile + " was learned with model "
                    + imported.model().describe() + ", this memory with "
                    + current.get().model().describe() + "; their embeddings cannot be mixed");
            return RoomNetCommand.EXIT_USAGE;
        }
        Memory merged = current.orElse(Memory.empty(imported.model())).with(imported.entries());
        store.save(merged);
        err.printf(
                "imported %d photos from %s; the memory holds %d%n", imported.size(), action.importFile, merged.size());
        return RoomNetCommand.EXIT_OK;
    }

    /** Learns every photo of the memory again with this model, where the same file (same content) still exists. */
    private int relearn(MemoryStore store, PrintStream err) throws IOException {
        Optional<Memory> old = store.readAny();
        if (old.isEmpty()) {
            err.println("the memory is empty: nothing to re-learn");
            return RoomNetCommand.EXIT_OK;
        }
        try (RoomClassifier classifier = models.open(err)) {
            ModelKey key =
                    ModelKey.of(models.modelFile(), classifier.description().version());
            Map<String, List<MemoryEntry>> byShoot = new LinkedHashMap<>();
            old.get()
                    .entries()
                    .forEach(e -> byShoot.computeIfAbsent(e.shoot(), s -> new ArrayList<>())
                            .add(e));
            List<MemoryEntry> relearned = new ArrayList<>();
            int gone = 0;
            for (Map.Entry<String, List<MemoryEntry>> shoot : byShoot.entrySet()) {
                Path folder = Path.of(shoot.getKey());
                Map<Path, String> labels = new LinkedHashMap<>();
                Map<Path, Long> times = new LinkedHashMap<>();
                for (MemoryEntry e : shoot.getValue()) {
                    Path file = folder.resolve(e.file()).normalize();
                    if (Files.isRegularFile(file) && MemoryLearner.sha256(file).equals(e.contentHash())) {
                        labels.put(file, e.label());
                        times.put(file, e.learnedMillis());
                    } else {
                        gone++;
                    }
                }
                if (!labels.isEmpty()) {
                    MemoryLearner.Outcome o =
                            MemorySupport.learn(classifier, folder, labels, shoot.getKey(), 0L, (r, done, total) -> {});
                    o.entries()
                            .forEach(e -> relearned.add(e.withLabel(
                                    e.label(),
                                    times.get(folder.resolve(e.file()).normalize()))));
                    gone += o.skipped().size();
                }
            }
            store.save(new Memory(key, relearned));
            err.printf(
                    "re-learned %d of %d photos with model %s; %d are gone, changed or unreadable and were dropped%n",
                    relearned.size(), old.get().size(), key.describe(), gone);
            return RoomNetCommand.EXIT_OK;
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_MODEL;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_MODEL;
        } catch (OrtException e) {
            err.println("error: the model failed: " + e.getMessage());
            return RoomNetCommand.EXIT_MODEL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted; the memory is unchanged");
            return RoomNetCommand.EXIT_FILES;
        }
    }
}
