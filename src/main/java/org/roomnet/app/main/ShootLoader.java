package org.roomnet.app.main;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.app.photos.Thumbnail;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.app.task.UiBatcher;
import org.roomnet.app.util.Durations;
import org.roomnet.core.classify.ClassifyOptions;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.memory.AgentMemory;
import org.roomnet.core.memory.MemoryEntry;
import org.roomnet.core.memory.MemoryStore;
import org.roomnet.core.review.ClaimOwner;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewClaim;
import org.roomnet.core.review.ReviewListener;
import org.roomnet.core.util.Words;
import org.roomnet.core.workflow.Shoot;
import org.roomnet.core.workflow.ShootSource;

/**
 * Opens and closes the window's shoot: the core {@link Shoot} is opened in the background (after the
 * previous shoot's last save is on disk), claimed ({@link ReviewClaim}), shown, kept saved, and its new
 * photos classified with progress and Cancel. A shoot another window or machine has claimed opens
 * read-only, with a notice saying who has it, until the agent takes it over ({@link #openAnyway}); a
 * window whose claim is taken over turns read-only (its edits so far are saved, merged). UI thread.
 */
final class ShootLoader {

    private final TaskExecutor executor;
    private final ModelService models;
    private final AppDialogs dialogs;
    private final PhotoGroups photos;
    private final StatusModel status;
    private final long autosaveDelayMillis;
    private final MemoryStore memoryStore;
    private final ReadOnlyObjectWrapper<String> memoryText = new ReadOnlyObjectWrapper<>("");
    /** Read in the background with the first shoot opened after the model loaded; null before, or without a store. */
    private volatile AgentMemory memory;

    private final ReadOnlyObjectWrapper<Shoot> shoot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper classifying = new ReadOnlyBooleanWrapper();
    private final ShootClaims claims;
    private CompletableFuture<Void> lastSave = CompletableFuture.completedFuture(null);
    private ShootSource source;
    private int generation;
    private int runningClassifications;
    private long classifyStartNanos;
    private int lastClassified;
    private int lastRestored;

    private record Thumb(Path file, Thumbnail thumbnail) {}

    /** A shoot as opened: claimed ({@code claim}), held elsewhere ({@code holder}), or neither (the claim file could not be written). */
    private record Opened(Shoot shoot, ReviewClaim claim, ClaimOwner holder) {}

    /** @param memoryStore where the memory of reviewed photos lives; null: the app works without one */
    ShootLoader(
            TaskExecutor executor,
            ModelService models,
            AppDialogs dialogs,
            PhotoGroups photos,
            StatusModel status,
            long autosaveDelayMillis,
            MemoryStore memoryStore) {
        this.memoryStore = memoryStore;
        this.executor = executor;
        this.models = models;
        this.dialogs = dialogs;
        this.photos = photos;
        this.status = status;
        this.autosaveDelayMillis = autosaveDelayMillis;
        this.claims = new ShootClaims(executor, status, shoot.getReadOnlyProperty());
    }

    /** Closes the open shoot and opens {@code next}; {@code notice} is said once it is open (empty: what was restored). */
    void open(ShootSource next, String notice) {
        open(next, notice, false);
    }

    /** "Open anyway": opens the read-only shoot again, taking its claim over from whoever holds it. */
    void openAnyway() {
        if (source != null && claims.readOnlyProperty().get()) {
            open(source, "", true);
        }
    }

    private void open(ShootSource next, String notice, boolean takeOver) {
        close();
        int gen = ++generation;
        source = next;
        folder.set(next.folder());
        opening.set(true);
        status.progress(-1, "Opening " + next.folder().getFileName() + "\u2026");
        status.show("", false);
        CompletableFuture<Void> previousSave = lastSave;
        executor.execute(
                () -> {
                    previousSave.get(30, TimeUnit.SECONDS); // the sidecar (and the memory) may be the one just closed
                    ReviewClaim.Attempt attempt;
                    try {
                        attempt = takeOver
                                ? new ReviewClaim.Attempt(ReviewClaim.takeOver(next.folder()), null)
                                : ReviewClaim.tryClaim(next.folder());
                    } catch (IOException e) {
                        attempt = new ReviewClaim.Attempt(null, null); // a folder we cannot write: saving says so
                    }
                    try {
                        Optional<RoomClassifier> classifier = models.await();
                        Shoot shoot = Shoot.open(
                                next,
                                classifier,
                                classifier
                                        .map(this::memoryFor)
                                        .map(AgentMemory::blend)
                                        .orElse(null));
                        return new Opened(shoot, attempt.claim(), attempt.holder());
                    } catch (Exception e) {
                        if (attempt.claim() != null) {
                            attempt.claim().release();
                        }
                        throw e;
                    }
                },
                opened -> {
                    if (gen == generation) {
                        updateMemoryText();
                        begin(opened, notice);
                    } else if (opened.claim() != null) {
                        opened.claim().release();
                    }
                },
                e -> {
                    if (gen == generation) {
                        opening.set(false);
                        status.clearProgress();
                        status.show("Cannot open " + next.folder() + ": " + e.getMessage(), true);
                        dialogs.showError("Cannot open the shoot", e.getMessage());
                    }
                });
    }

    /** Background: the memory for the loaded model, read once. */
    private AgentMemory memoryFor(RoomClassifier classifier) {
        if (memory == null && memoryStore != null) {
            try {
                memory = AgentMemory.open(memoryStore, classifier);
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return memory;
    }

    private void updateMemoryText() {
        AgentMemory m = memory;
        memoryText.set(
                m == null
                        ? ""
                        : !m.problem().isEmpty()
                                ? "Memory not used"
                                : "Learned from " + Words.plural(m.size(), "photo"));
    }

    /** "Learned from N photos" (empty without a memory), for the status bar; its tooltip is the memory's problem. */
    ReadOnlyObjectProperty<String> memoryTextProperty() {
        return memoryText.getReadOnlyProperty();
    }

    /** Forgets every photo the memory learned (Settings › Forget); the next shoot opened uses the model alone. */
    void forgetMemory() {
        AgentMemory m = memory;
        if (m == null) {
            return;
        }
        executor.execute(
                () -> {
                    m.forgetAll();
                    return null;
                },
                ok -> {
                    updateMemoryText();
                    status.show("The memory of reviewed photos is forgotten.", false);
                },
                e -> status.show("The memory could not be cleared: " + e.getMessage(), true));
    }

    /** Opens the open shoot again as its folder now is (after a sort moved photos out, or its undo put them back). */
    void reopen(String notice) {
        if (source != null) {
            open(source, notice);
        }
    }

    private void begin(Opened opened, String notice) {
        Shoot s = opened.shoot();
        photos.build(s.review().classNames(), s.review().rules());
        s.review().addListener(new ReviewListener() {
            @Override
            public void photosAdded(List<PhotoReview> added) {
                photos.added(added);
            }

            @Override
            public void photosChanged(List<PhotoReview> changed) {
                photos.changed(changed);
            }
        });
        photos.added(s.review().photos());
        if (claims.begin(s, opened.claim(), opened.holder(), autosaveDelayMillis)) {
            notice = claims.noticeProperty().get();
        }
        lastRestored = s.restoredCount();
        lastClassified = 0;
        opening.set(false);
        status.clearProgress();
        shoot.set(s);
        photos.showAtOpen(!s.toClassify().isEmpty() && s.classifier().isPresent());
        status.show(
                !s.problem().isEmpty() ? s.problem() : notice,
                !s.problem().isEmpty() || claims.readOnlyProperty().get());
        List<Path> toClassify = s.toClassify();
        if (toClassify.isEmpty()) {
            if (s.problem().isEmpty() && notice.isEmpty()) {
                status.show(restoredText(s.restoredCount(), s.awayCount()), false);
            }
        } else if (s.classifier().isEmpty()) {
            status.show(
                    Words.plural(toClassify.size(), "file") + " new or changed, but no model is loaded to "
                            + "classify them; restored " + Words.plural(s.restoredCount(), "photo") + ".",
                    true);
        } else {
            classify(s);
        }
    }

    private static String restoredText(int restored, int away) {
        String text = restored == 0
                ? "The folder holds no photos."
                : "Restored the saved review of " + Words.plural(restored, "photo") + ".";
        return away == 0
                ? text
                : text + " The labels of " + Words.plural(away, "photo")
                        + " no longer in the folder are kept for when they come back.";
    }

    private void classify(Shoot s) {
        classifyStartNanos = System.nanoTime();
        classifying.set(true);
        runningClassifications++;
        updateProgress(s);
        // after Cancel, results still in flight are dropped: the review holds what was shown when the agent cancelled
        UiBatcher<PhotoResult> results = new UiBatcher<>(executor, batch -> {
            if (shoot.get() == s && !s.isCancelled()) {
                s.addResults(batch);
                updateProgress(s);
                photos.showFirstWithPhotosUnlessChosen();
            }
        });
        UiBatcher<Thumb> thumbs = new UiBatcher<>(executor, batch -> {
            if (shoot.get() == s && !s.isCancelled()) {
                batch.forEach(t -> photos.attachThumbnail(t.file(), t.thumbnail()));
            }
        });
        ClassifyOptions options = ClassifyOptions.defaults()
                .withThumbnails(
                        MainViewModel.THUMBNAIL_MAX_SIDE,
                        (file, image) -> thumbs.post(new Thumb(file, Thumbnail.of(image))));
        executor.execute(
                () -> s.classifyRest(options, (r, done, total) -> results.post(r)),
                ok -> classificationEnded(s, null),
                e -> classificationEnded(s, e));
    }

    private void updateProgress(Shoot s) {
        int done = s.classifiedCount();
        int total = s.toClassify().size();
        double elapsed = (System.nanoTime() - classifyStartNanos) / 1e9;
        String left = Durations.timeLeft(Durations.estimateLeft(done, total, elapsed));
        status.progress(
                (double) done / Math.max(1, total),
                String.format("Classifying %,d of %,d%s", done, total, left.isEmpty() ? "" : " \u00b7 " + left));
    }

    private void classificationEnded(Shoot s, Throwable error) {
        runningClassifications--;
        if (shoot.get() != s || !classifying.get()) {
            return;
        }
        stopClassifying(s);
        double seconds = (System.nanoTime() - classifyStartNanos) / 1e9;
        boolean readOnly = claims.readOnlyProperty().get();
        // what was said at opening must not scroll away: a damaged saved review, a shoot open elsewhere
        String claimed = (s.problem().isEmpty() ? "" : " " + s.problem())
                + (readOnly ? " " + claims.noticeProperty().get() : "");
        if (error != null) {
            status.show("Classification stopped: " + error.getMessage() + claimed, true);
        } else {
            status.show(
                    String.format(
                                    "Classified %s in %.1f s%s.",
                                    Words.plural(s.classifiedCount(), "photo"),
                                    seconds,
                                    s.restoredCount() > 0
                                            ? "; " + s.restoredCount() + " restored from the saved review"
                                            : "")
                            + claimed,
                    readOnly || !s.problem().isEmpty());
        }
    }

    private void stopClassifying(Shoot s) {
        classifying.set(false);
        status.clearProgress();
        photos.dropPending();
        lastClassified = s.classifiedCount();
    }

    /** Stops classifying at once; what is classified so far stays, the rest is classified when the shoot is opened again. */
    void cancel() {
        Shoot s = shoot.get();
        if (s != null && classifying.get()) {
            s.cancel();
            stopClassifying(s);
            status.show(
                    "Cancelled after " + s.classifiedCount() + " of "
                            + Words.plural(s.toClassify().size(), "photo")
                            + "; open the folder again to classify the rest.",
                    false);
        }
    }

    /** Closes the open shoot; its last save goes on in the background, done when the returned future is. */
    CompletableFuture<Void> close() {
        generation++;
        Shoot s = shoot.get();
        lastSave = claims.close(s == null ? lastSave : CompletableFuture.allOf(lastSave, s.closeAsync(), learnFrom(s)));
        shoot.set(null);
        source = null;
        photos.clear();
        classifying.set(false);
        opening.set(false);
        folder.set(null);
        status.clearProgress();
        return lastSave;
    }

    /**
     * The agent's reviewed photos of a shoot being left go into the memory, in the background; the next shoot
     * waits for it (as for the sidecar) so that it is proposed with them.
     */
    private CompletableFuture<Void> learnFrom(Shoot s) {
        AgentMemory m = memory;
        if (m == null) {
            return CompletableFuture.completedFuture(null);
        }
        List<PhotoReview> reviewed =
                s.review().photos().stream().filter(PhotoReview::isReviewed).toList();
        if (reviewed.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(
                () -> {
                    try {
                        List<MemoryEntry> entries = s.memoriesOf(reviewed, System.currentTimeMillis());
                        return m.learn(entries);
                    } finally {
                        done.complete(null);
                    }
                },
                learned -> updateMemoryText(),
                e -> status.show("The reviewed photos could not be saved into the memory: " + e.getMessage(), true));
        return done;
    }

    ReadOnlyObjectProperty<Shoot> shootProperty() {
        return shoot.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** The shoot is open for review elsewhere: nothing can be changed here. */
    ReadOnlyBooleanProperty readOnlyProperty() {
        return claims.readOnlyProperty();
    }

    /** Who has the shoot open, when this window is read-only; empty otherwise. */
    ReadOnlyStringProperty claimNoticeProperty() {
        return claims.noticeProperty();
    }

    ReadOnlyBooleanProperty classifyingProperty() {
        return classifying.getReadOnlyProperty();
    }

    /** A classification still runs in the background (also one just cancelled, until it winds down). */
    boolean classifierBusy() {
        return runningClassifications > 0;
    }

    int lastClassifiedCount() {
        return lastClassified;
    }

    int lastRestoredCount() {
        return lastRestored;
    }
}
