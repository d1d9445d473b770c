package org.roomnet.app.main;

import org.roomnet.app.ModelService;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.review.RestorePlan;
import org.roomnet.core.review.Review;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.SavedReview;
import org.roomnet.core.review.SidecarAutosave;
import org.roomnet.core.shoot.ShootFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** One opened shoot: its folder, review, autosave and the state of its classification run. */
final class ShootSession {

    /** What the background part of opening found out. */
    record Prepared(RestorePlan plan, RoomClassifier classifier, String modelName, String modelVersion,
                    String problem) {
    }

    final Path folder;
    /** The photos opened when only some were, else null: the whole folder. */
    final List<Path> subset;
    /** Said in the status bar once the shoot is open, instead of what was restored (empty: nothing). */
    final String notice;
    final AtomicBoolean cancelled = new AtomicBoolean();
    Review review;
    SidecarAutosave autosave;
    RoomClassifier classifier;
    int restored;
    int toClassify;
    int classified;
    long classifyStartNanos;

    ShootSession(Path folder, List<Path> subset, String notice) {
        this.folder = folder;
        this.subset = subset == null ? null : List.copyOf(subset);
        this.notice = notice == null ? "" : notice;
    }

    /**
     * Background: lists the shoot (or those of the chosen photos still there), reads its sidecar and
     * waits for the model, then plans what to restore and what to classify.
     */
    static Prepared prepare(Path folder, List<Path> subset, ModelService models)
            throws IOException, InterruptedException {
        List<Path> files = subset != null ? subset.stream().filter(Files::isRegularFile).toList()
                : ShootFolder.list(folder);
        String problem = "";
        Optional<SavedReview> saved;
        try {
            saved = ReviewSidecar.read(folder);
        } catch (IOException e) {
            saved = Optional.empty();
            problem = "The saved review could not be used (" + e.getMessage() + "); the photos are classified again.";
        }
        Optional<RoomClassifier> classifier = models.await();
        RestorePlan plan = RestorePlan.of(saved, files,
                classifier.map(c -> c.description().classNames()).orElse(null));
        if (plan.classNames().isEmpty()) {
            throw new IOException("No model is loaded and this folder has no saved review, so its photos cannot be "
                    + "classified.");
        }
        if (!plan.note().isEmpty()) {
            problem = "The " + plan.note() + ".";
        }
        String name = classifier.map(c -> c.description().name()).orElse(saved.map(SavedReview::modelName).orElse(""));
        String version = classifier.map(c -> c.description().version())
                .orElse(saved.map(SavedReview::modelVersion).orElse(""));
        return new Prepared(plan, classifier.orElse(null), name, version, problem);
    }

    void close() {
        cancelled.set(true);
        if (autosave != null) {
            autosave.close();
        }
    }
}
