package org.roomnet.app.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.photos.Selection;
import org.roomnet.app.preview.PreviewViewModel;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.app.util.UserSettings;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.listing.ExportRecords;
import org.roomnet.core.memory.MemoryStore;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.review.Review;
import org.roomnet.core.workflow.Shoot;
import org.roomnet.core.workflow.ShootSource;

/**
 * State of the main window, put together from its parts: opening and closing shoots
 * ({@link ShootLoader}, over the core {@link Shoot}), the groups on screen ({@link PhotoGroups}),
 * editing ({@link ReviewEditor}), review progress ({@link ReviewCounts}), the listing checklist
 * ({@link ChecklistModel}), export and sorting ({@link ShootActions}), the listing ({@link ListingModel},
 * {@link ListingActions}), the preview, the status bar
 * and the recent shoots. UI thread only; long work goes through the {@link TaskExecutor}.
 */
public final class MainViewModel {

    /** Longest side of a thumbnail, in pixels; kept compressed ({@link org.roomnet.app.photos.Thumbnail}). */
    public static final int THUMBNAIL_MAX_SIDE = 400;

    public static final double MIN_CELL = 90;
    public static final double MAX_CELL = THUMBNAIL_MAX_SIDE;

    private final TaskExecutor executor;
    private final ModelService models;
    private final AppDialogs dialogs;
    private final UserSettings settings;
    private final PhotoGroups photos;
    private final StatusModel status = new StatusModel();
    private final ReviewCounts counts = new ReviewCounts();
    private final ShootLoader loader;
    private final ReviewEditor editor;
    private final GroupNavigator navigator;
    private final ChecklistModel checklist;
    private final ShootActions actions;
    private final ListingModel listing;
    private final ListingActions listingActions;
    private final PreviewViewModel preview;
    private final RoomTypeAdder roomTypes;
    private final DoubleProperty thumbnailSize = new SimpleDoubleProperty(150);
    private final ObservableList<Path> recentShoots = FXCollections.observableArrayList();
    private final BooleanBinding busy;
    private final BooleanBinding cancellable;

    /**
     * @param autosaveDelayMillis quiet period before the review is written beside the shoot
     */
    public MainViewModel(
            TaskExecutor executor,
            ModelService models,
            AppDialogs dialogs,
            JournalStore journals,
            ExportRecords exports,
            UserSettings settings,
            long autosaveDelayMillis) {
        this(executor, models, dialogs, journals, exports, settings, autosaveDelayMillis, null);
    }

    /**
     * @param memory where the memory of reviewed photos lives: each shoot is proposed through it and the agent's
     *               reviewed photos go into it when the shoot is left; null for none
     */
    public MainViewModel(
            TaskExecutor executor,
            ModelService models,
            AppDialogs dialogs,
            JournalStore journals,
            ExportRecords exports,
            UserSettings settings,
            long autosaveDelayMillis,
            MemoryStore memory) {
        this.executor = executor;
        this.models = models;
        this.dialogs = dialogs;
        this.settings = settings;
        this.photos = new PhotoGroups(executor, THUMBNAIL_MAX_SIDE);
        this.loader = new ShootLoader(executor, models, dialogs, photos, status, autosaveDelayMillis, memory);
        this.editor = new ReviewEditor(photos, status, loader.claimNoticeProperty());
        this.navigator = new GroupNavigator(photos, status);
        this.checklist = new ChecklistModel(settings, dialogs);
        this.listing = new ListingModel(executor, photos, settings, dialogs, status);
        UnreviewedGate unreviewed = new UnreviewedGate(counts, photos, dialogs);
        this.actions = new ShootActions(
                loader, checklist, listing, unreviewed, status, this::reopen, executor, dialogs, journals);
        this.listingActions = new ListingActions(
                loader.shootProperty(),
                listing,
                unreviewed,
                status,
                this::isBusy,
                executor,
                dialogs,
                settings,
                exports);
        this.preview = new PreviewViewModel(executor, editor::relabel, this::previewClosedAt);
        this.roomTypes = new RoomTypeAdder(this::review, photos, editor, dialogs, status);
        this.busy = loader.classifyingProperty()
                .or(loader.openingProperty())
                .or(actions.workingProperty())
                .or(listingActions.workingProperty());
        this.cancellable = loader.classifyingProperty().or(listingActions.workingProperty());
        recentShoots.setAll(settings.recentShoots());
        loader.openingProperty().addListener((o, was, now) -> {
            if (now) {
                counts.attach(null, true);
            }
        });
        loader.shootProperty().addListener((o, was, now) -> shootChanged(now));
    }

    private void shootChanged(Shoot shoot) {
        Review review = shoot == null ? null : shoot.review();
        counts.attach(review, loader.openingProperty().get());
        editor.attach(review);
        checklist.attach(review);
        listing.attach(shoot);
        if (shoot != null) {
            recentShoots.setAll(settings.addRecentShoot(shoot.folder()));
        }
    }

    /** Opens the model in the background; the status bar then says which provider and model are in use. */
    public void loadModel() {
        executor.execute(models::load, status::modelLoaded, e -> {
            status.modelFailed();
            status.show("No model: " + e.getMessage() + " Saved reviews can still be opened.", true);
            dialogs.showError(
                    "No model",
                    "RoomNet cannot classify photos: " + e.getMessage()
                            + "\n\nA shoot reviewed before can still be opened: its saved review is restored.");
        });
    }

    // ---- opening and closing -----------------------------------------------------------------------

    public void openFolder(Path dir) {
        preview.close();
        loader.open(ShootSource.folder(dir, false), "");
    }

    /** Opens some photos of one folder as a shoot. */
    public void openPhotos(List<Path> files) {
        ShootSource source;
        try {
            source = ShootSource.photos(files);
        } catch (IllegalArgumentException e) {
            if (files.stream().map(Path::getParent).distinct().count() > 1) {
                dialogs.showError(
                        "Photos from several folders",
                        "A shoot is one folder: drop photos of one folder, or the folder itself.");
            } else {
                status.show("Nothing to open: drop a shoot folder or photos.", true);
            }
            return;
        }
        preview.close();
        loader.open(source, "");
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
     * "Open anyway": the shoot is open for review in another window or on another machine; take it over
     * (its latest save is read again, and that window turns read-only at its next save or heartbeat).
     */
    public void openAnyway() {
        preview.close();
        loader.openAnyway();
    }

    /** Opens the open shoot again as its folder now is; {@code notice} is said once it is open. */
    void reopen(String notice) {
        preview.close();
        loader.reopen(notice);
    }

    /** Stops classifying (what is classified so far stays) or an export for the listing (which leaves nothing). */
    public void cancel() {
        Shoot classifying =
                loader.classifyingProperty().get() ? loader.shootProperty().get() : null;
        loader.cancel();
        if (classifying != null) {
            counts.cancelledWith(classifying.toClassify().size() - classifying.classifiedCount());
        }
        listingActions.cancel();
    }

    /** Closes the open shoot, if any; its review is saved in the background, done when the returned future is. */
    public CompletableFuture<Void> closeShoot() {
        preview.close();
        return loader.close();
    }

    /** At exit: closes the shoot (its last save finishes before the process ends) and stops background threads. */
    public CompletableFuture<Void> shutdown() {
        listingActions.cancel(); // an export stopped now leaves nothing behind
        CompletableFuture<Void> saved = closeShoot();
        photos.close();
        return saved;
    }

    // ---- the memory of reviewed photos ------------------------------------------------------------

    /** "Learned from N photos"; empty without a memory. */
    public javafx.beans.property.ReadOnlyObjectProperty<String> memoryTextProperty() {
        return loader.memoryTextProperty();
    }

    /** Forgets everything the memory learned. */
    public void forgetMemory() {
        loader.forgetMemory();
    }

    /** Edit › Forget Learned Photos…: asks first; the photos' labels in their shoots stay as they are. */
    public void forgetMemoryAfterAsking() {
        if (dialogs.confirm(
                "Forget learned photos",
                "RoomNet proposes labels from the photos you reviewed ("
                        + memoryTextProperty().get().toLowerCase(java.util.Locale.ROOT)
                        + "). Forget them all? Reviews saved "
                        + "beside the shoots stay as they are.")) {
            forgetMemory();
        }
    }

    // ---- editing and preview -----------------------------------------------------------------------

    /** Labels the photos as {@code label}: one undoable step. */
    public boolean relabel(List<PhotoItem> items, String label) {
        return editor.relabel(items, label);
    }

    /** Edit › New Room Type…: asks for a name and adds an empty room the agent can drag photos into. */
    public void newRoomType() {
        roomTypes.addAfterAsking(false);
    }

    /** "Move to New Room Type…": asks for a name, adds the room and labels the selected photos with it. */
    public void moveSelectionToNewRoomType() {
        roomTypes.addAfterAsking(true);
    }

    /** Opens the preview on the selected photo (or the first shown), stepping through the group. */
    public void openPreview() {
        PhotoGroup g = photos.current();
        if (g == null || g.shown().isEmpty()) {
            return;
        }
        Selection sel = photos.selection();
        PhotoItem at = sel.anchor() != null
                ? sel.anchor()
                : sel.isEmpty() ? g.shown().get(0) : sel.items().get(0);
        openPreview(at);
    }

    public void openPreview(PhotoItem item) {
        PhotoGroup g = photos.current();
        List<PhotoItem> list = g != null && g.shown().contains(item) ? List.copyOf(g.shown()) : List.of(item);
        preview.open(
                list,
                list.indexOf(item),
                photos.groups().stream().map(PhotoGroup::label).toList());
    }

    /** The preview closed on {@code item}: the grid's selection follows it there. */
    private void previewClosedAt(PhotoItem item) {
        PhotoGroup g = photos.current();
        if (item != null && g != null && g.shown().contains(item)) {
            photos.selection().selectOnly(item);
        }
    }

    // ---- for the parts and tests -------------------------------------------------------------------

    Shoot shoot() {
        return loader.shootProperty().get();
    }

    Optional<Review> review() {
        return Optional.ofNullable(shoot()).map(Shoot::review);
    }

    /** Saves the review now and waits for it (before a test looks at the sidecar; the app never blocks on it). */
    void saveNowForTests() {
        Optional.ofNullable(shoot()).ifPresent(Shoot::saveNow);
    }

    StatusModel statusModel() {
        return status;
    }

    /** Photos classified when the shoot was last opened (0 when all came from the saved review). */
    int lastClassifiedCount() {
        return loader.lastClassifiedCount();
    }

    /** Photos restored from the saved review when the shoot was last opened. */
    int lastRestoredCount() {
        return loader.lastRestoredCount();
    }

    /** A classification still runs in the background: the model must not be closed yet. */
    public boolean classifierBusy() {
        return loader.classifierBusy();
    }

    // ---- properties --------------------------------------------------------------------------------

    public PhotoGroups photos() {
        return photos;
    }

    public StatusModel status() {
        return status;
    }

    public ReviewCounts counts() {
        return counts;
    }

    public ReviewEditor editor() {
        return editor;
    }

    /** Keys that go to a side-bar entry or to the next photo that needs review. */
    public GroupNavigator navigator() {
        return navigator;
    }

    public ChecklistModel checklist() {
        return checklist;
    }

    public ShootActions actions() {
        return actions;
    }

    public ListingModel listing() {
        return listing;
    }

    public ListingActions listingActions() {
        return listingActions;
    }

    /** Something runs that Cancel stops: classifying, or an export for the listing. */
    public BooleanBinding cancellableProperty() {
        return cancellable;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    public DoubleProperty thumbnailSizeProperty() {
        return thumbnailSize;
    }

    /** The shoot folders opened lately, newest first (File > Open Recent). */
    public ObservableList<Path> recentShoots() {
        return recentShoots;
    }

    /** Where choosers start: the open shoot's parent, else the last shoot's. */
    public Path chooserStart() {
        Path current = folder() != null ? folder() : recentShoots.isEmpty() ? null : recentShoots.get(0);
        return current == null ? null : current.getParent();
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return loader.folderProperty();
    }

    public Path folder() {
        return loader.folderProperty().get();
    }

    /** The shoot is open for review elsewhere: this window shows it but changes nothing ({@link #openAnyway}). */
    public ReadOnlyBooleanProperty readOnlyProperty() {
        return loader.readOnlyProperty();
    }

    public boolean isReadOnly() {
        return loader.readOnlyProperty().get();
    }

    /** Who has the shoot open, while this window is read-only ("Open for review by … since …"); empty otherwise. */
    public ReadOnlyStringProperty claimNoticeProperty() {
        return loader.claimNoticeProperty();
    }

    public ReadOnlyBooleanProperty classifyingProperty() {
        return loader.classifyingProperty();
    }

    /** Opening, classifying, exporting or sorting: something runs in the background. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    private boolean isBusy() {
        return busy.get();
    }
}
