package org.roomnet.app.main;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.app.photos.PhotoOrder;
import org.roomnet.app.preview.PreviewView;
import org.roomnet.app.util.WindowState;

/**
 * The main window: the {@link Sidebar} on the left, the photos of the group on screen in the middle
 * ({@link GroupContent}), the status bar below, the preview over everything. Binds to and calls
 * {@link MainViewModel}; every key and menu command comes from the shortcut table ({@link MainShortcuts}).
 */
public final class MainView {

    public static final String APP_NAME = "RoomNet Organizer";
    private static final List<Integer> ICON_SIZES = List.of(16, 32, 64, 256);

    private final MainViewModel viewModel;
    private final WindowState windowState;
    private final AppDialogs dialogs;
    private final PhotoDragAndDrop drag;
    private final PreviewView preview;
    private final GroupContent content;
    private final Shortcuts shortcuts;
    private final ViewControls controls;
    private Stage stage;

    @FXML
    private StackPane root;

    @FXML
    private BorderPane mainPane;

    @FXML
    private Menu recentMenu;

    @FXML
    private Menu labelMenu;

    @FXML
    private Menu orderMenu;

    @FXML
    private CheckMenuItem needsReviewItem;

    @FXML
    private CheckMenuItem notReviewedItem;

    @FXML
    private Button exportButton;

    @FXML
    private Button exportListingButton;

    @FXML
    private Button sortButton;

    @FXML
    private ToggleButton needsReviewToggle;

    @FXML
    private ToggleButton notReviewedToggle;

    @FXML
    private ComboBox<PhotoOrder> orderBox;

    @FXML
    private Slider sizeSlider;

    @FXML
    private HBox groupHeader;

    @FXML
    private Label groupTitle;

    @FXML
    private Label groupSubtitle;

    @FXML
    private Label selectionLabel;

    @FXML
    private Button confirmButton;

    @FXML
    private StackPane gridStack;

    @FXML
    private VBox emptyState;

    @FXML
    private ImageView emptyIcon;

    @FXML
    private Label groupPlaceholder;

    @FXML
    private Label summaryLabel;

    @FXML
    private Label messageLabel;

    @FXML
    private HBox progressBox;

    @FXML
    private ProgressBar progressBar;

    @FXML
    private Label progressLabel;

    @FXML
    private Button cancelButton;

    @FXML
    private Label providerLabel;

    @FXML
    private Label modelLabel;

    @FXML
    private Label memoryLabel;

    @FXML
    private VBox dropOverlay;

    @FXML
    private HBox claimBanner;

    @FXML
    private Label claimLabel;

    @FXML
    private Button openAnywayButton;

    public MainView(MainViewModel viewModel, WindowState windowState, AppDialogs dialogs) {
        this.viewModel = viewModel;
        this.windowState = windowState;
        this.dialogs = dialogs;
        this.drag = new PhotoDragAndDrop(viewModel);
        this.preview = new PreviewView(viewModel.preview());
        this.controls = new ViewControls(viewModel);
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"));
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root.getChildren().add(preview);
        content = new GroupContent(
                viewModel, drag, gridStack, groupTitle, groupSubtitle, selectionLabel, groupPlaceholder, confirmButton);
        mainPane.setLeft(scrolling(new Sidebar(viewModel, drag)));
        shortcuts = MainShortcuts.create(this, viewModel, loader.getNamespace());
        confirmButton.setOnAction(e -> viewModel.editor().confirmShown());
        exportButton.setOnAction(e -> viewModel.actions().exportXlsx());
        exportListingButton.setOnAction(e -> viewModel.listingActions().exportForListing());
        sortButton.setOnAction(e -> viewModel.actions().sortIntoFolders());
        cancelButton.setOnAction(e -> viewModel.cancel());
        claimLabel.textProperty().bind(viewModel.claimNoticeProperty());
        claimBanner.visibleProperty().bind(viewModel.claimNoticeProperty().isNotEmpty());
        claimBanner.managedProperty().bind(claimBanner.visibleProperty());
        openAnywayButton.setOnAction(e -> viewModel.openAnyway());
        bindMenusAndToolbar(loader.getNamespace());
        new StatusBar(
                        viewModel,
                        summaryLabel,
                        messageLabel,
                        progressBox,
                        progressBar,
                        progressLabel,
                        cancelButton,
                        providerLabel,
                        modelLabel)
                .bind();
        memoryLabel.textProperty().bind(viewModel.memoryTextProperty());
        memoryLabel.visibleProperty().bind(memoryLabel.textProperty().isNotEmpty());
        memoryLabel.managedProperty().bind(memoryLabel.visibleProperty());
        new ExternalDrop(root, dropOverlay, viewModel::openDropped).install();
        viewModel.preview().openProperty().addListener((o, was, open) -> {
            if (!open) {
                content.scrollToAnchor();
            }
        });
    }

    /**
     * The side bar scrolls when the window is too low for it (1024x640): otherwise its height would be the
     * window's least height, and the menu, toolbar and status bar would be pushed off the window.
     */
    private static ScrollPane scrolling(Sidebar sidebar) {
        ScrollPane scroll = new ScrollPane(sidebar);
        scroll.setId("sidebar-scroll");
        scroll.getStyleClass().add("sidebar-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        return scroll;
    }

    /** Puts the view in {@code stage}: scene, style, icons, title, remembered size and place. */
    public void show(Stage target) {
        this.stage = target;
        Scene scene = new Scene(root);
        scene.getStylesheets()
                .add(Objects.requireNonNull(MainView.class.getResource("/org/roomnet/app/roomnet.css"))
                        .toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        shortcuts.install(scene);
        target.setScene(scene);
        target.getIcons().setAll(icons());
        target.titleProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.folder() == null
                                ? APP_NAME
                                : viewModel.folder().getFileName() + " \u2014 " + APP_NAME,
                        viewModel.folderProperty()));
        target.setMinWidth(720);
        target.setMinHeight(480);
        windowState.restore(target, 1280, 820);
        viewModel.thumbnailSizeProperty().set(ViewControls.clamp(windowState.thumbnailSize(150)));
        Screen screen = Screen.getPrimary();
        viewModel.preview().setDecodeShortSide((int) (screen.getBounds().getHeight() * screen.getOutputScaleY()));
        double width = target.getWidth();
        double height = target.getHeight();
        // Under openbox the window was mapped 200 px high, then given its least size, whatever size was asked: a
        // height below the least height is never the agent's doing, so the asked size is asked for again.
        target.heightProperty().addListener((o, was, now) -> {
            if (now.doubleValue() < target.getMinHeight() && !target.isMaximized()) {
                Platform.runLater(() -> {
                    target.setWidth(width);
                    target.setHeight(height);
                });
            }
        });
        target.show();
    }

    /** Remembers the window and view settings; call when the window closes. */
    public void saveState() {
        if (stage != null) {
            windowState.save(stage);
        }
        windowState.saveThumbnailSize(viewModel.thumbnailSizeProperty().get());
    }

    static List<Image> icons() {
        return ICON_SIZES.stream()
                .map(s -> new Image(Objects.requireNonNull(
                                MainView.class.getResource("/org/roomnet/app/icons/roomnet-" + s + ".png"))
                        .toExternalForm()))
                .toList();
    }

    private void bindMenusAndToolbar(Map<String, Object> items) {
        BooleanBinding noShoot = viewModel.folderProperty().isNull();
        BooleanBinding cannotAct = noShoot.or(viewModel.busyProperty());
        for (String id : List.of("exportItem", "exportListingItem", "sortItem", "undoSortItem")) {
            ((MenuItem) items.get(id)).disableProperty().bind(cannotAct);
        }
        for (String id : List.of("closeItem", "selectAllItem", "previewItem", "confirmItem")) {
            ((MenuItem) items.get(id)).disableProperty().bind(noShoot);
        }
        MenuItem newRoomType = (MenuItem) items.get("newRoomTypeItem");
        newRoomType.disableProperty().bind(noShoot.or(viewModel.readOnlyProperty()));
        newRoomType.setOnAction(e -> viewModel.newRoomType());
        exportButton.disableProperty().bind(cannotAct);
        exportListingButton.disableProperty().bind(cannotAct);
        exportListingButton
                .visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> viewModel.photos().isListing(viewModel.photos().current()),
                        viewModel.photos().currentProperty()));
        exportListingButton.managedProperty().bind(exportListingButton.visibleProperty());
        sortButton.disableProperty().bind(cannotAct);
        MenuItem undo = (MenuItem) items.get("undoItem");
        MenuItem redo = (MenuItem) items.get("redoItem");
        undo.textProperty().bind(viewModel.editor().undoTextProperty());
        redo.textProperty().bind(viewModel.editor().redoTextProperty());
        undo.disableProperty().bind(viewModel.editor().canUndoProperty().not());
        redo.disableProperty().bind(viewModel.editor().canRedoProperty().not());

        controls.bindFilters(needsReviewToggle, notReviewedToggle, needsReviewItem, notReviewedItem);
        controls.bindOrder(orderBox, orderMenu);
        controls.bindSize(sizeSlider);
        controls.bindRecent(recentMenu);
        controls.bindLabelMenu(labelMenu);
        PhotoGroups photos = viewModel.photos();
        emptyIcon.setImage(icons().get(3));
        emptyState.visibleProperty().bind(noShoot);
        groupHeader.visibleProperty().bind(photos.currentProperty().isNotNull());
        groupHeader.managedProperty().bind(groupHeader.visibleProperty());
    }

    // ---- keys: the shortcut table decides ----------------------------------------------------------

    private void keyPressed(KeyEvent e) {
        if (viewModel.preview().isOpen()) {
            if (shortcuts.handle(e, Shortcuts.Where.PREVIEW)) {
                e.consume();
            }
            return;
        }
        Node focus = root.getScene().getFocusOwner();
        boolean inControl = focus instanceof TextInputControl
                || focus instanceof Slider
                || focus instanceof ComboBoxBase
                || focus instanceof Button;
        if (!inControl && shortcuts.handle(e, Shortcuts.Where.WINDOW)) {
            e.consume();
        }
    }

    void moveSelection(KeyEvent e) {
        int columns = content.columns();
        int delta = switch (e.getCode()) {
            case LEFT -> -1;
            case RIGHT -> 1;
            case UP -> -columns;
            default -> columns;
        };
        viewModel.photos().moveSelection(delta, e.isShiftDown());
        content.scrollToAnchor();
    }

    void scrollToSelection() {
        content.scrollToAnchor();
    }

    void selectAll() {
        PhotoGroup g = viewModel.photos().current();
        if (g != null) {
            viewModel.photos().selection().selectAll(g.shown());
        }
    }

    ViewControls controls() {
        return controls;
    }

    // ---- commands that need the window -------------------------------------------------------------

    @FXML
    void openFolder() {
        dialogs.chooseFolder(viewModel.chooserStart()).ifPresent(viewModel::openFolder);
    }

    void openPhotos() {
        List<Path> files = dialogs.choosePhotos(viewModel.chooserStart());
        if (!files.isEmpty()) {
            viewModel.openPhotos(files);
        }
    }

    void quit() {
        if (stage != null) {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            if (stage.isShowing()) {
                stage.close();
            }
        }
    }

    void showShortcuts() {
        dialogs.showShortcuts(shortcuts.help());
    }

    void showAbout() {
        StatusModel s = viewModel.status();
        dialogs.showInfo(
                "About " + APP_NAME,
                APP_NAME + " sorts the photos of a property shoot by room type, "
                        + "on this computer.\n\nModel: " + s.modelProperty().get() + "\nExecution provider: "
                        + s.providerProperty().get());
    }

    // ---- for tests ---------------------------------------------------------------------------------

    public Parent root() {
        return root;
    }

    PhotoDragAndDrop drag() {
        return drag;
    }
}
