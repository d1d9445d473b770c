package org.roomnet.app.main;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.image.Image;
import org.roomnet.app.ModelService;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.preview.PreviewViewModel;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.app.task.UiBatcher;
import org.roomnet.app.util.Durations;
import org.roomnet.app.util.FxImages;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.Review;
import org.roomnet.core.review.ReviewListener;
import org.roomnet.core.review.SavedPhoto;
import org.roomnet.core.review.SidecarAutosave;
import org.roomnet.core.shoot.PhotoResult;
import org.roomnet.core.shoot.ShootClassifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * State and actions of the main window: opening a shoot (restoring its saved review, classifying the
 * rest in the background), editing labels with undo/redo, and what the status bar says. UI thread
 * only; long work goes through the {@link TaskExecutor}. The groups on screen are {@link PhotoGroups},
 * export and sorting are {@link ShootActions}, the preview is {@link PreviewViewModel}.
 */
public final class MainViewModel {

    /** Longest side of a thumbnail, in pixels: 2,000 of them take about 250 MB. */
    public static final int THUMBNAIL_MAX_SIDE = 200;
    public static final double MIN_CELL = 90;
    public static final double MAX_CELL = THUMBNAIL_MAX_SIDE;

    private final TaskExecutor executor;
    private final ModelService models;
    private final AppDialogs dialogs;
    private final long autosaveDelayMillis;
    private final PhotoGroups photos;
    private final StatusModel status = new StatusModel();
    private final ShootActions actions;
    private final PreviewViewModel preview;

    private final DoubleProperty thumbnailSize = new SimpleDoubleProperty(150);
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper classifying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final BooleanBinding busy;
    private final BooleanBinding hasShoot = folder.isNotNull();

    private ShootSession session;
    private int lastClassified;
    private int lastRestored;

    /**
     * @param autosaveDelayMillis quiet period before the review is written beside the shoot
     */
    public MainViewModel(TaskExecutor executor, ModelService models, AppDialogs dialogs, JournalStore journals,
                         long autosaveDelayMillis) {
        this.executor = executor;
        this.models = models;
        this.dialogs = dialogs;
        this.autosaveDelayMillis = autosaveDelayMillis;
        this.photos = new PhotoGroups(executor, THUMBNAIL_MAX_SIDE);
        this.actions = new ShootActions(this, executor, dialogs, journals);
        this.preview = new PreviewViewModel(executor, this::relabel);
        this.busy = classifying.or(opening).or(actions.workingProperty());
    }

    /** Opens the model in the background; the status bar then says which provider and model are in use. */
    public void loadModel() {
        executor.execute(models::load, status::modelLoaded, e -> {
            status.modelFailed();
            status.show("No model: " + e.getMessage() + " Saved reviews can still be opened.", true);
            dialogs.showError("No model", "RoomNet cannot classify photos: " + e.getMessage()
                    + "\n\nA shoot reviewed before can still be opened: its saved review is restored.");
        });
    }

    // ---- opening a shoot ---------------------------------------------------------------------------

    public void openFolder(Path dir) {
        open(dir.toAbsolutePath().normalize(), null, "");
    }

    /** Opens some photos of one folder as a shoot. */
    public void openPhotos(List<Path> files) {
        List<Path> chosen = files.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        if (chosen.isEmpty()) {
            status.show("Nothing to open: drop a shoot folder or photos.", true);
            return;
        }
        Path parent = chosen.get(0).getParent();
        if (chosen.stream().anyMatch(p -> !p.getParent().equals(parent))) {
            dialogs.showError("Photos from several folders",
                    "A shoot is one folder: drop photos of one folder, or the folder itself.");
            return;
        }
        open(parent, chosen, "");
    }

    /** Opens what was dropped on the window: one folder, or photos. */
    public void openDropped(List<Path> paths) {
        if (paths.size() == 1 && Files.isDirectory(paths.get(0))) {
            openFolder(paths.get(0));
        } else {
            openPhotos(paths);
        }
    }

    /**
     * Saves and opens the open shoot again as its folder is now: after sorting moved its photos out
     * (they leave the window; their review stays in the sidecar) or undoing a sort put them back
     * (their review is restored). {@code notice} is shown in the status bar once it is open.
     */
    void reopen(String notice) {
        ShootSession s = session;
        if (s != null) {
            open(s.folder, s.subset, notice);
        }
    }

    private void open(Path dir, List<Path> subset, String notice) {
        closeShoot();
        ShootSession s = new ShootSession(dir, subset, notice);
        session = s;
        folder.set(dir);
        opening.set(true);
        status.progress(-1, "Opening " + dir.getFileName() + "…");
        status.show("", false);
        status.summarize(null, true);
        executor.execute(() -> ShootSession.prepare(dir, subset, models), prepared -> {
            if (session == s) {
                begin(s, prepared);
            }
        }, e -> {
            if (session == s) {
                opening.set(false);
                status.clearProgress();
                status.show("Cannot open " + dir + ": " + e.getMessage(), true);
                dialogs.showError("Cannot open the shoot", e.getMessage());
            }
        });
    }

    private void begin(ShootSession s, ShootSession.Prepared p) {
        s.review = new Review(s.folder, p.plan().classNames());
        s.classifier = p.classifier();
        photos.build(p.plan().classNames());
        List<SavedPhoto> restored = p.plan().restored();
        s.autosave = new SidecarAutosave(s.folder, p.modelName(), p.modelVersion(), p.plan().kept(), restored,
                autosaveDelayMillis, e -> executor.runOnUiThread(
                        () -> status.show("The review could not be saved beside the shoot: " + e.getMessage(), true)));
        s.review.addListener(reviewListener(s));
        s.restored = restored.size();
        s.review.addAll(restored.stream().map(SavedPhoto::review).toList());
        lastRestored = s.restored;
        lastClassified = 0;
        opening.set(false);
        status.clearProgress();
        photos.showFirstWithPhotos();
        status.summarize(s.review, false);
        if (!p.problem().isEmpty()) {
            status.show(p.problem(), true);
        } else if (!s.notice.isEmpty()) {
            status.show(s.notice, false);
        }
        List<Path> toClassify = p.plan().toClassify();
        if (toClassify.isEmpty()) {
            if (p.problem().isEmpty() && s.notice.isEmpty()) {
                status.show(restoredText(s.restored, p.plan().away().size()), false);
            }
        } else if (s.classifier == null) {
            status.show(plural(toClassify.size(), "file") + " new or changed, but no model is loaded to classify them; "
                    + "restored " + plural(s.restored, "photo") + ".", true);
        } else {
            classify(s, toClassify);
        }
    }

    private static String restoredText(int restored, int away) {
        String text = restored == 0 ? "The folder holds no photos."
                : "Restored the saved review of " + plural(restored, "photo") + ".";
        return away == 0 ? text : text + " The labels of " + plural(away, "photo")
                + " no longer in the folder are kept for when they come back.";
    }

    private record Thumb(Path file, Image image) {
    }

    private void classify(ShootSession s, List<Path> files) {
        s.toClassify = files.size();
        s.classifyStartNanos = System.nanoTime();
        classifying.set(true);
        updateProgress(s);
        UiBatcher<PhotoResult> results = new UiBatcher<>(executor, batch -> {
            if (session == s) {
                s.classified += batch.size();
                s.review.addAll(batch.stream().map(PhotoReview::of).toList());
                updateProgress(s);
                if (photos.current() != null && photos.current().count() == 0 && photos.selection().isEmpty()) {
                    photos.showFirstWithPhotos();
                }
            }
        });
        UiBatcher<Thumb> thumbs = new UiBatcher<>(executor, batch -> {
            if (session == s) {
                batch.forEach(t -> photos.attachThumbnail(t.file(), t.image()));
                if (photos.current() != null && photos.current().count() == 0 && photos.selection().isEmpty()) {
                    photos.showFirstWithPhotos(); // thumbnails come before labels: show them while the model works
                }
            }
        });
        ShootClassifier shoot = ShootClassifier.withDefaults(s.classifier).withThumbnails(THUMBNAIL_MAX_SIDE,
                (file, image) -> thumbs.post(new Thumb(file, FxImages.toFxImage(image))));
        executor.execute(() -> shoot.classify(files, (r, done, total) -> results.post(r), s.cancelled),
                ok -> classificationEnded(s, null), e -> classificationEnded(s, e));
    }

    private void updateProgress(ShootSession s) {
        double elapsed = (System.nanoTime() - s.classifyStartNanos) / 1e9;
        String left = Durations.timeLeft(Durations.estimateLeft(s.classified, s.toClassify, elapsed));
        status.progress((double) s.classified / Math.max(1, s.toClassify), String.format("Classifying %,d of %,d%s",
                s.classified, s.toClassify, left.isEmpty() ? "" : " \u00b7 " + left));
    }

    private void classificationEnded(ShootSession s, Throwable error) {
        if (session != s) {
            return;
        }
        classifying.set(false);
        status.clearProgress();
        photos.dropPending();
        if (photos.current() == photos.pendingProperty().get()) {
            photos.showFirstWithPhotos();
        }
        lastClassified = s.classified;
        double seconds = (System.nanoTime() - s.classifyStartNanos) / 1e9;
        if (error != null) {
            status.show("Classification stopped: " + error.getMessage(), true);
        } else if (s.cancelled.get()) {
            status.show("Cancelled after " + s.classified + " of " + plural(s.toClassify, "photo")
                    + "; open the folder again to classify the rest.", false);
        } else {
            status.show(String.format("Classified %s in %.1f s%s.", plural(s.classified, "photo"), seconds,
                    s.restored > 0 ? "; " + s.restored + " restored from the saved review" : ""), false);
        }
    }

    /** Stops classifying; what is classified so far stays. */
    public void cancel() {
        if (session != null && classifying.get()) {
            session.cancelled.set(true);
            status.progress(-1, "Cancelling…");
        }
    }

    /** Saves and closes the open shoot, if any. */
    public void closeShoot() {
        preview.close();
        if (session != null) {
            session.close();
            session = null;
        }
        photos.clear();
        classifying.set(false);
        opening.set(false);
        folder.set(null);
        canUndo.set(false);
        canRedo.set(false);
        undoText.set("Undo");
        redoText.set("Redo");
        status.clearProgress();
        status.summarize(null, false);
    }

    /** At exit: saves the review and stops background threads. */
    public void shutdown() {
        closeShoot();
        photos.close();
    }

    private ReviewListener reviewListener(ShootSession s) {
        return new ReviewListener() {
            @Override
            public void photosAdded(List<PhotoReview> added) {
                photos.added(added);
                reviewChanged(s);
            }

            @Override
            public void photosChanged(List<PhotoReview> changed) {
                photos.changed(changed);
                reviewChanged(s);
            }

            @Override
            public void historyChanged() {
                canUndo.set(s.review.canUndo());
                canRedo.set(s.review.canRedo());
                undoText.set(s.review.nextUndo().map(c -> "Undo " + lower(c.description())).orElse("Undo"));
                redoText.set(s.review.nextRedo().map(c -> "Redo " + lower(c.description())).orElse("Redo"));
            }
        };
    }

    private void reviewChanged(ShootSession s) {
        s.autosave.schedule(s.review.classNames(), s.review.photos());
        status.summarize(s.review, false);
    }

    // ---- editing -----------------------------------------------------------------------------------

    /** Labels the photos as {@code label}: one undoable step. */
    public boolean relabel(List<PhotoItem> items, String label) {
        Optional<Review> r = review();
        if (r.isEmpty() || items.isEmpty()) {
            return false;
        }
        boolean changed = r.get().relabel(items.stream().map(PhotoItem::file).toList(), label);
        if (changed) {
            status.show((items.size() == 1 ? items.get(0).fileName() : plural(items.size(), "photo")) + " labelled "
                    + label + ".", false);
        }
        return changed;
    }

    /**
     * Labels the selection with the room type of number key {@code key} (1-based) and selects the
     * next photo, so the agent can go through a group with the number keys alone.
     */
    public boolean relabelSelectionWithKey(int key) {
        if (review().isEmpty() || key < 1 || key > photos.groups().size()) {
            return false;
        }
        return relabelSelection(photos.groups().get(key - 1).label());
    }

    public boolean relabelSelection(String label) {
        PhotoGroup g = photos.current();
        Selection selection = photos.selection();
        if (g == null || selection.isEmpty()) {
            return false;
        }
        List<PhotoItem> selected = selection.items();
        PhotoItem next = PhotoGroups.nextAfter(List.copyOf(g.shown()), selected);
        boolean changed = relabel(selected, label);
        selection.selectOnly(next != null && g.shown().contains(next) ? next : null);
        return changed;
    }

    public void undo() {
        review().flatMap(Review::undo).ifPresent(c -> status.show("Undone: " + lower(c.description()) + ".", false));
    }

    public void redo() {
        review().flatMap(Review::redo).ifPresent(c -> status.show("Redone: " + lower(c.description()) + ".", false));
    }

    /** Opens the preview on the selected photo (or the first shown), stepping through the group. */
    public void openPreview() {
        PhotoGroup g = photos.current();
        if (g == null || g.shown().isEmpty()) {
            return;
        }
        Selection sel = photos.selection();
        PhotoItem at = sel.anchor() != null ? sel.anchor() : sel.isEmpty() ? g.shown().get(0) : sel.items().get(0);
        openPreview(at);
    }

    public void openPreview(PhotoItem item) {
        PhotoGroup g = photos.current();
        List<PhotoItem> list = g != null && g.shown().contains(item) ? List.copyOf(g.shown()) : List.of(item);
        preview.open(list, list.indexOf(item), photos.groups().stream().map(PhotoGroup::label).toList());
    }

    // ---- for the parts -----------------------------------------------------------------------------

    Optional<Review> review() {
        return session == null ? Optional.empty() : Optional.ofNullable(session.review);
    }

    /** Saves the review now (before sorting moves its files, and in tests). */
    public void saveNow() {
        if (session != null && session.autosave != null) {
            session.autosave.flush();
        }
    }

    StatusModel statusModel() {
        return status;
    }

    static String plural(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    // ---- properties --------------------------------------------------------------------------------

    public PhotoGroups photos() {
        return photos;
    }

    public StatusModel status() {
        return status;
    }

    public ShootActions actions() {
        return actions;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    public DoubleProperty thumbnailSizeProperty() {
        return thumbnailSize;
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public Path folder() {
        return folder.get();
    }

    /** A shoot is open (or being opened). */
    public BooleanBinding hasShootBinding() {
        return hasShoot;
    }

    public ReadOnlyBooleanProperty classifyingProperty() {
        return classifying.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** Opening, classifying, exporting or sorting: something runs in the background. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Photos classified when the shoot was last opened (0 when all came from the saved review). */
    public int lastClassifiedCount() {
        return lastClassified;
    }

    /** Photos restored from the saved review when the shoot was last opened. */
    public int lastRestoredCount() {
        return lastRestored;
    }
}
