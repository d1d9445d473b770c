package org.roomnet.core.workflow;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.roomnet.core.classify.ClassificationListener;
import org.roomnet.core.classify.ClassifyOptions;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.classify.ShootClassifier;
import org.roomnet.core.listing.CaptureTimes;
import org.roomnet.core.listing.ListingOrder;
import org.roomnet.core.listing.ListingPlan;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.listing.NamePattern;
import org.roomnet.core.memory.MemoryBlend;
import org.roomnet.core.memory.MemoryEntry;
import org.roomnet.core.memory.MemoryLearner;
import org.roomnet.core.organize.Assignment;
import org.roomnet.core.organize.AssignmentPolicy;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.report.Report;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.RestorePlan;
import org.roomnet.core.review.Review;
import org.roomnet.core.review.ReviewFileException;
import org.roomnet.core.review.ReviewListener;
import org.roomnet.core.review.ReviewRules;
import org.roomnet.core.review.ReviewSnapshot;
import org.roomnet.core.review.ReviewStore;
import org.roomnet.core.review.SavedPhoto;
import org.roomnet.core.review.SavedReview;
import org.roomnet.core.review.SidecarAutosave;

/**
 * One shoot being worked on, the same for the app and the command line: its files, their
 * {@link Review} (restored from the sidecar where it still holds, the rest classified), the report,
 * and sorting into room folders with its default destination. The command line's shoot is a review
 * with no edits and no sidecar ({@link #fresh}).
 * <p>
 * The review is not thread-safe: the methods not marked "background" belong to one thread (the
 * app's UI thread); the background ones may block.
 */
public final class Shoot implements AutoCloseable {

    private final ShootSource source;
    private final Review review;
    private final RoomClassifier classifier;
    private final String modelName;
    private final String modelVersion;
    private final List<Path> toClassify;
    private final List<SavedPhoto> restored;
    private final List<SavedPhoto> kept;
    private final int away;
    private final String problem;
    private final ReviewSnapshot saved;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CaptureTimes captureTimes = new CaptureTimes();
    private SidecarAutosave autosave;
    private int classified;
    private final MemoryBlend memory;
    /** The embeddings of the photos classified in this session, for the memory once the agent reviewed them. */
    private final Map<Path, float[]> embeddings = new ConcurrentHashMap<>();

    private Shoot(
            ShootSource source,
            List<String> classNames,
            RoomClassifier classifier,
            String modelName,
            String modelVersion,
            List<Path> toClassify,
            List<SavedPhoto> restored,
            List<SavedPhoto> kept,
            int away,
            String problem,
            ReviewSnapshot saved,
            MemoryBlend memory) {
        this.memory = memory;
        this.source = source;
        this.saved = saved;
        this.classifier = classifier;
        this.modelName = modelName;
        this.modelVersion = modelVersion;
        this.toClassify = List.copyOf(toClassify);
        this.restored = List.copyOf(restored);
        this.kept = List.copyOf(kept);
        this.away = away;
        this.problem = problem;
        this.review = new Review(
                source.folder(),
                classNames,
                classifier == null ? ReviewRules.FIXED : ReviewRules.forModel(classifier.description()));
        review.addSaved(restored);
    }

    /**
     * Background: lists the shoot, reads its sidecar and plans what to restore and what to classify
     * ({@link RestorePlan}). Damaged lines of the sidecar are left out and named in {@link #problem()}
     * (every good line is restored; the photos of the damaged ones are classified again); a sidecar
     * that cannot be read at all is reported there too, and its photos are classified again. Neither
     * is ever replaced without a copy ({@link ReviewStore}).
     *
     * @param classifier the model, or empty when none could be loaded (then only saved reviews open)
     * @throws IOException when the shoot cannot be listed, or there is neither a model nor a saved review
     */
    public static Shoot open(ShootSource source, Optional<RoomClassifier> classifier) throws IOException {
        return open(source, classifier, (MemoryBlend) null);
    }

    /**
     * As {@link #open(ShootSource, Optional)}, the photos classified now proposed through the memory of reviewed
     * photos ({@code memory}; null for the model alone), whose room types follow the model's.
     */
    public static Shoot open(ShootSource source, Optional<RoomClassifier> classifier, MemoryBlend memory)
            throws IOException {
        ReviewSnapshot snapshot;
        String problem = "";
        try {
            snapshot = ReviewSnapshot.read(source.folder());
        } catch (IOException e) {
            snapshot = new ReviewSnapshot(source.folder(), null, List.of(), true, 0, "");
            problem = "The saved review could not be used (" + e.getMessage() + "); the photos are classified again"
                    + (e instanceof ReviewFileException ? " and nothing is saved over it." : ".");
        }
        return open(source, classifier, snapshot, problem, memory);
    }

    /** {@link #open(ShootSource, Optional)} with the review file as already read (one consistent snapshot). */
    public static Shoot open(ShootSource source, Optional<RoomClassifier> classifier, ReviewSnapshot snapshot)
            throws IOException {
        return open(source, classifier, snapshot, "", null);
    }

    /** {@link #open(ShootSource, Optional, MemoryBlend)} with the review file as already read. */
    public static Shoot open(
            ShootSource source, Optional<RoomClassifier> classifier, ReviewSnapshot snapshot, MemoryBlend memory)
            throws IOException {
        return open(source, classifier, snapshot, "", memory);
    }

    /**
     * The command line's shoot of {@code files} (some photos of {@code folder}, listed by the command) as the agent
     * reviewed it in the app ({@code snapshot}, read once): the agent's labels and rejects where the review still
     * holds, the rest to classify. Like {@link #fresh}, nothing is ever written beside the shoot.
     */
    public static Shoot reviewed(
            Path folder, List<Path> files, RoomClassifier classifier, ReviewSnapshot snapshot, MemoryBlend memory)
            throws IOException {
        return open(ShootSource.folder(folder, false), files, Optional.of(classifier), snapshot, "", memory);
    }

    private static Shoot open(
            ShootSource source,
            Optional<RoomClassifier> classifier,
            ReviewSnapshot snapshot,
            String readProblem,
            MemoryBlend memory)
            throws IOException {
        return open(source, source.list(), classifier, snapshot, readProblem, memory);
    }

    private static Shoot open(
            ShootSource source,
            List<Path> files,
            Optional<RoomClassifier> classifier,
            ReviewSnapshot snapshot,
            String readProblem,
            MemoryBlend memory)
            throws IOException {
        String problem = readProblem;
        Optional<SavedReview> saved = snapshot.saved();
        if (snapshot.isDamaged()) {
            problem = (saved.isPresent()
                            ? "Damaged lines of the saved review were left out: " + snapshot.damageSummary()
                                    + "; every other line is restored."
                            : "The saved review is damaged: " + snapshot.damageSummary()
                                    + "; the photos are classified again.")
                    + " A copy of the damaged file is kept when the review is next saved.";
        }
        List<String> modelClasses =
                classifier.map(c -> c.description().classNames()).orElse(null);
        List<String> classes = modelClasses == null ? null : memory != null ? memory.classNames() : modelClasses;
        if (modelClasses != null
                && saved.isPresent()
                && extendsModel(saved.get().classNames(), modelClasses)) {
            // the same model's rooms, and maybe some the agent added: the review stays, with the memory's new types too
            List<String> union = new ArrayList<>(saved.get().classNames());
            classes.stream().filter(c -> !union.contains(c)).forEach(union::add);
            saved = Optional.of(widened(saved.get(), union));
            classes = union;
        }
        MemoryBlend blend = classes == null || classes.equals(modelClasses) && memory == null
                ? null
                : memory == null ? MemoryBlend.modelOnly(modelClasses, classes) : memory.forClasses(classes);
        RestorePlan plan = RestorePlan.of(saved, files, classes);
        if (plan.classNames().isEmpty()) {
            throw new IOException(
                    "No model is loaded and this folder has no saved review, so its photos cannot be " + "classified.");
        }
        if (!plan.note().isEmpty()) {
            String note = plan.note();
            problem = (problem.isEmpty() ? "" : problem + " ") + Character.toUpperCase(note.charAt(0))
                    + note.substring(1) + ".";
        }
        String name = classifier
                .map(c -> c.description().name())
                .orElse(saved.map(SavedReview::modelName).orElse(""));
        String version = classifier
                .map(c -> c.description().version())
                .orElse(saved.map(SavedReview::modelVersion).orElse(""));
        return new Shoot(
                source,
                plan.classNames(),
                classifier.orElse(null),
                name,
                version,
                plan.toClassify(),
                plan.restored(),
                plan.kept(),
                plan.away().size(),
                problem,
                snapshot,
                blend);
    }

    /** {@code saved} is {@code model}'s room types, maybe followed by some the agent added. */
    private static boolean extendsModel(List<String> saved, List<String> model) {
        return saved.size() >= model.size() && saved.subList(0, model.size()).equals(model);
    }

    /** The saved review over more room types: every photo's scores padded with zeros for the new ones. */
    private static SavedReview widened(SavedReview saved, List<String> classes) {
        if (saved.classNames().equals(classes)) {
            return saved;
        }
        List<SavedPhoto> photos = new ArrayList<>();
        for (SavedPhoto sp : saved.photos()) {
            PhotoReview p = sp.review();
            List<Float> scores = new ArrayList<>(p.scores());
            if (!scores.isEmpty()) {
                while (scores.size() < classes.size()) {
                    scores.add(0f);
                }
            }
            photos.add(new SavedPhoto(
                    new PhotoReview(
                            p.file(),
                            p.modelLabel(),
                            p.confidence(),
                            scores,
                            p.secondLabel(),
                            p.secondConfidence(),
                            p.agentLabel(),
                            p.error(),
                            p.listing(),
                            p.unknownScore(),
                            p.byMemory(),
                            p.warning()),
                    sp.stamp(),
                    sp.editedMillis()));
        }
        return new SavedReview(saved.modelName(), saved.modelVersion(), classes, photos);
    }

    /** A fresh review of {@code files} with no edits, nothing read or written beside the shoot: the command line. */
    public static Shoot fresh(Path folder, List<Path> files, RoomClassifier classifier) {
        return fresh(folder, files, classifier, null);
    }

    /**
     * A fresh review whose proposals mix the model with the memory of reviewed photos ({@code memory}; null for
     * the model alone): its room types are the model's and then those the agent added.
     */
    public static Shoot fresh(Path folder, List<Path> files, RoomClassifier classifier, MemoryBlend memory) {
        var d = classifier.description();
        return new Shoot(
                ShootSource.folder(folder, false),
                memory == null ? d.classNames() : memory.classNames(),
                classifier,
                d.name(),
                d.version(),
                files,
                List.of(),
                List.of(),
                0,
                "",
                ReviewSnapshot.none(folder),
                memory);
    }

    // ---- classifying -------------------------------------------------------------------------------

    /** The model, when one is loaded. */
    public Optional<RoomClassifier> classifier() {
        return Optional.ofNullable(classifier);
    }

    /** The files to classify: new or changed since the saved review (all of them for a fresh review). */
    public List<Path> toClassify() {
        return toClassify;
    }

    /**
     * Background: classifies what is left, {@link #toClassify()}, with the model ({@link #classifier()}) as
     * {@code options} say ({@link ClassifyOptions#defaults()} unless a command was told otherwise), handing each
     * result to {@code listener} as it comes; stops soon after {@link #cancel()}. The one way the app and the
     * commands classify. The results are not in the review yet: give them to {@link #addResults} on the review's
     * thread (the app: batch by batch as they come; a command: all of them at the end).
     *
     * @throws IllegalStateException when no model is loaded
     */
    public List<PhotoResult> classifyRest(ClassifyOptions options, ClassificationListener listener)
            throws OrtException, InterruptedException {
        if (classifier == null) {
            throw new IllegalStateException("no model is loaded to classify " + toClassify.size() + " photos");
        }
        return new ShootClassifier(classifier, options).classify(toClassify, listener, cancelled);
    }

    /** Adds classification results to the review, through the memory when the shoot has one. */
    public void addResults(List<PhotoResult> results) {
        review.addAll(results.stream().map(this::reviewOf).toList());
        classified += results.size();
    }

    private PhotoReview reviewOf(PhotoResult result) {
        if (result.isClassified() && !result.isDamaged() && result.prediction().hasEmbedding()) {
            embeddings.put(result.file(), result.prediction().embedding());
        }
        return PhotoReview.of(result, memory);
    }

    /**
     * Background: the memories of {@code photos} (taken from the review on its thread) that the agent reviewed
     * and that were classified in this session (a restored photo has no embedding at hand); content hashed now.
     */
    public List<MemoryEntry> memoriesOf(List<PhotoReview> photos, long now) {
        List<MemoryEntry> entries = new ArrayList<>();
        for (PhotoReview p : photos) {
            float[] embedding = embeddings.get(p.file());
            if (p.isReadable() && p.isReviewed() && embedding != null) {
                try {
                    entries.add(MemoryEntry.of(
                            p.agentLabel(),
                            folder().toString(),
                            Report.relative(folder(), p.file()),
                            MemoryLearner.sha256(p.file()),
                            now,
                            embedding));
                } catch (IOException e) {
                    // moved or deleted since: nothing to learn from
                }
            }
        }
        return entries;
    }

    /** Results added so far. */
    public int classifiedCount() {
        return classified;
    }

    /** Any thread: asks a running classification to stop. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    // ---- saving beside the shoot -------------------------------------------------------------------

    /**
     * Keeps the sidecar up to date from now on: every change of the review is written after
     * {@code delayMillis} of quiet, in the background, merged with any other window's save. The command
     * line never calls this.
     *
     * @param onSaved told after each save, on the writer thread (another save merged in: show it with
     *                {@link Review#adopt} on the review's thread)
     */
    public void keepSaved(long delayMillis, Consumer<IOException> onError, Consumer<ReviewStore.Saved> onSaved) {
        if (autosave != null) {
            return;
        }
        autosave = new SidecarAutosave(
                new ReviewStore(saved), modelName, modelVersion, kept, restored, delayMillis, onError, onSaved);
        SidecarAutosave mine = autosave;
        review.addListener(ReviewListener.onPhotos(() -> {
            if (autosave == mine) {
                mine.schedule(review.classNames(), review.photos(), review.editTimes());
            }
        }));
    }

    public void keepSaved(long delayMillis, Consumer<IOException> onError) {
        keepSaved(delayMillis, onError, s -> {});
    }

    /**
     * Stops keeping the review saved (the window turned read-only): what is pending is written, merged;
     * the future completes once it is on disk.
     */
    public CompletableFuture<Void> stopSaving() {
        SidecarAutosave a = autosave;
        autosave = null;
        return a == null ? CompletableFuture.completedFuture(null) : a.closeAsync();
    }

    /** Whether the review is being kept saved ({@link #keepSaved}); false for a read-only window. */
    public boolean isSaving() {
        return autosave != null;
    }

    /** Writes the review beside the shoot now and waits until it is on disk. Blocks: not on the UI thread. */
    public void saveNow() {
        if (autosave != null) {
            autosave.flush();
        }
    }

    /** Stops classifying and saves what is pending without waiting; the future completes once it is on disk. */
    public CompletableFuture<Void> closeAsync() {
        cancel();
        return autosave == null ? CompletableFuture.completedFuture(null) : autosave.closeAsync();
    }

    @Override
    public void close() {
        closeAsync();
    }

    // ---- report and sorting ------------------------------------------------------------------------

    /** The report of the review as it stands, with its listing (every photo's place, no preset's cap). */
    public Report report(ListingChecklist checklist, ListingOrder order) {
        return Report.of(review.classNames(), source.folder(), review.photos(), checklist, review.rules())
                .withListing(listingPlan(order, ListingPreset.WEB, NamePattern.defaultPattern()));
    }

    // ---- the listing -------------------------------------------------------------------------------

    /** Background: reads the capture times of the shoot's photos not read yet (the order inside a room). */
    public void loadCaptureTimes(List<Path> files) {
        captureTimes.load(files);
    }

    /** Whether every capture time of {@code files} has been read. */
    public boolean captureTimesLoaded(List<Path> files) {
        return captureTimes.hasRead(files);
    }

    /** The files of the review, for {@link #loadCaptureTimes}: take them on the review's thread. */
    public List<Path> readableFiles() {
        return review.photos().stream()
                .filter(PhotoReview::isReadable)
                .map(PhotoReview::file)
                .toList();
    }

    /**
     * What exporting the listing with {@code preset} would write, the review as it stands. Never reads a
     * file: capture times not loaded yet ({@link #loadCaptureTimes}) count as unknown.
     */
    public ListingPlan listingPlan(ListingOrder order, ListingPreset preset, NamePattern names) {
        Path name = source.folder().getFileName();
        return ListingPlan.of(
                review.photos(), order, preset, names, captureTimes::known, name == null ? "shoot" : name.toString());
    }

    public SortPlan sortPlan() {
        return SortPlan.of(review);
    }

    /** Sorting the review as it stands now into {@code destination} (the app's: no damaged photos, no links). */
    public SortJob sortJob(TransferMode mode, Path destination) {
        return sortJob(mode, destination, false, false);
    }

    /**
     * Sorting the review as it stands now into {@code destination}; run it in the background. The photos the
     * agent rejected stay where they are ({@link SortJob#rejected()}).
     *
     * @param includeDamaged also sort damaged photos, by the model's label
     * @param followLinks    sort the file a symbolic link points to instead of leaving the link in place
     */
    public SortJob sortJob(TransferMode mode, Path destination, boolean includeDamaged, boolean followLinks) {
        Set<Path> rejected = review.photos().stream()
                .filter(p -> p.listing().rejected())
                .map(PhotoReview::file)
                .collect(Collectors.toSet());
        List<Assignment> taken = new ArrayList<>();
        List<Path> left = new ArrayList<>();
        for (Assignment a : review.assignments(includeDamaged)) {
            if (rejected.contains(a.source())) {
                left.add(a.source());
            } else {
                taken.add(a);
            }
        }
        return new SortJob(
                source.folder(), mode, destination, AssignmentPolicy.apply(taken, followLinks), left, this::saveNow);
    }

    // ---- what it is --------------------------------------------------------------------------------

    public ShootSource source() {
        return source;
    }

    public Path folder() {
        return source.folder();
    }

    public Review review() {
        return review;
    }

    /** Photos restored from the saved review. */
    public int restoredCount() {
        return restored.size();
    }

    /** Photos of the saved review whose files are gone (moved out by a sort, say): kept for their return. */
    public int awayCount() {
        return away;
    }

    /** The review file as read when the shoot was opened. */
    public ReviewSnapshot savedReview() {
        return saved;
    }

    /** What went wrong with the saved review, for the agent; empty when nothing did. */
    public String problem() {
        return problem;
    }

    public String modelName() {
        return modelName;
    }

    public String modelVersion() {
        return modelVersion;
    }
}
