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
import org.roomnet.core.memory.LabelsCsv;
import org.roomnet.core.memory.Memory;
import org.roomnet.core.memory.MemoryLearner;
import org.roomnet.core.memory.MemoryStore;
import org.roomnet.core.memory.ModelKey;
import org.roomnet.core.memory.RoomTypeNames;
import org.roomnet.core.review.FileStamp;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.SavedPhoto;
import org.roomnet.core.review.SavedReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code learn <folder> [--labels <file.csv>]}: adds a shoot's reviewed photos to the memory. */
@Command(
        name = "learn",
        mixinStandardHelpOptions = true,
        description = "Add a shoot's reviewed labels (from the app's saved review, or --labels) to the memory that "
                + "classify uses.")
public final class LearnCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<folder>", description = "the shoot folder")
    Path folder;

    @Option(
            names = "--labels",
            paramLabel = "<file.csv>",
            description = "labels from a CSV with the columns file,label (file relative to the folder) instead of the "
                    + "saved review")
    Path labelsCsv;

    @Mixin
    ModelOptions models = new ModelOptions();

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (!Files.isDirectory(folder)) {
            err.println("error: not a folder: " + folder);
            return RoomNetCommand.EXIT_USAGE;
        }
        Path base = folder.toAbsolutePath().normalize();
        Map<Path, String> raw;
        try {
            raw = labelsCsv != null ? LabelsCsv.read(labelsCsv, base) : reviewed(base, err);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_USAGE;
        } catch (IOException e) {
            err.println("error: "
                    + (labelsCsv != null
                            ? "cannot read " + labelsCsv
                            : "the saved review of " + base + " cannot be read")
                    + ": " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        }
        if (raw.isEmpty()) {
            err.println("nothing to learn: "
                    + (labelsCsv != null
                            ? labelsCsv + " labels no photo"
                            : "no reviewed photo in " + base + " (review it in the app, or use --labels)"));
            return RoomNetCommand.EXIT_OK;
        }
        try (RoomClassifier classifier = models.open(err)) {
            if (classifier.description().embeddingOutput() == null) {
                err.println("error: the model " + classifier.description().version() + " gives no embedding, which the "
                        + "memory needs (model v2 or later); nothing learned");
                return RoomNetCommand.EXIT_MODEL;
            }
            MemoryStore store = MemoryStore.defaultStore();
            ModelKey key =
                    ModelKey.of(models.modelFile(), classifier.description().version());
            MemoryStore.Loaded loaded = store.load(key);
            if (!loaded.usable()) {
                err.println("error: nothing learned: " + loaded.problem().replace("; classifying without it", ""));
                return RoomNetCommand.EXIT_FILES;
            }
            Memory memory = loaded.memory();
            List<String> known = new ArrayList<>(classifier.description().classNames());
            known.addAll(memory.customLabels(known));
            Map<Path, String> labels = new LinkedHashMap<>();
            for (Map.Entry<Path, String> e : raw.entrySet()) {
                String label = RoomTypeNames.resolve(e.getValue(), known);
                if (!known.contains(label)) {
                    known.add(label);
                }
                labels.put(e.getKey(), label);
            }
            ProgressPrinter progress = new ProgressPrinter(err);
            MemoryLearner.Outcome outcome = MemorySupport.learn(
                    classifier, base, labels, base.toString(), System.currentTimeMillis(), progress);
            progress.finish();
            outcome.skipped().forEach(s -> err.println("  not learned " + s));
            Memory updated = memory.with(outcome.entries());
            store.save(updated);
            List<String> added = updated.customLabels(classifier.description().classNames());
            err.printf(
                    "learned %d photos from %s; the memory holds %d photos%s (%s)%n",
                    outcome.entries().size(),
                    base,
                    updated.size(),
                    added.isEmpty() ? "" : "; room types added: " + String.join(", ", added),
                    store.file());
            return RoomNetCommand.EXIT_OK;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_USAGE;
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_MODEL;
        } catch (OrtException e) {
            err.println("error: the model failed: " + e.getMessage());
            return RoomNetCommand.EXIT_MODEL;
        } catch (IOException e) {
            err.println("error: cannot write the memory: " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted; nothing learned");
            return RoomNetCommand.EXIT_FILES;
        }
    }

    /** The photos the agent labelled in the app (confirmed or corrected), unchanged since. */
    private static Map<Path, String> reviewed(Path base, PrintStream err) throws IOException {
        Optional<SavedReview> saved = ReviewSidecar.read(base);
        if (saved.isEmpty()) {
            throw new IllegalArgumentException(base + " has no saved review (" + ReviewSidecar.FILE_NAME
                    + "); review it in the app first, or give the labels with --labels <file.csv>");
        }
        Map<Path, String> labels = new LinkedHashMap<>();
        for (SavedPhoto s : saved.get().photos()) {
            PhotoReview p = s.review();
            if (!p.isReadable() || !p.isReviewed()) {
                continue;
            }
            Path file = p.file().toAbsolutePath().normalize();
            if (!FileStamp.of(file).equals(Optional.of(s.stamp()))) {
                err.println("  not learned " + base.relativize(file) + ": gone or changed since it was reviewed");
                continue;
            }
            labels.put(file, p.agentLabel());
        }
        return labels;
    }
}
