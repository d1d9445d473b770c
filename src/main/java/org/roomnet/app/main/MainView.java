package org.roomnet.app.main;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
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
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.preview.PreviewView;
import org.roomnet.app.util.WindowState;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The main window: room types on the left (with counts, drop targets), the thumbnails of the group on
 * screen in the middle (a ControlsFX GridView per group), the status bar below, and the preview over
 * everything. Only binds to and calls {@link MainViewModel}; keys and drags are translated here.
 */
public final class MainView {

    public static final String APP_NAME = "RoomNet Organizer";
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final List<Integer> ICON_SIZES = List.of(16, 32, 64, 256);

    private final MainViewModel viewModel;
    private final WindowState windowState;
    private final AppDialogs dialogs;
    private final PhotoDragAndDrop drag;
    private final PreviewView preview;
    private final GroupContent content;
    private Stage stage;

    @FXML private StackPane root;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem sortItem;
    @FXML private MenuItem undoSortItem;
    @FXML private MenuItem closeItem;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private MenuItem selectAllItem;
    @FXML private MenuItem previewItem;
    @FXML private Menu labelMenu;
    @FXML private Menu orderMenu;
    @FXML private CheckMenuItem needsReviewItem;
    @FXML private Button exportButton;
    @FXML private Button sortButton;
    @FXML private ToggleButton needsReviewToggle;
    @FXML private ComboBox<PhotoOrder> orderBox;
    @FXML private Slider sizeSlider;
    @FXML private VBox groupList;
    @FXML private VBox unreadableBox;
    @FXML private HBox groupHeader;
    @FXML private Label groupTitle;
    @FXML private Label groupSubtitle;
    @FXML private Label selectionLabel;
    @FXML private StackPane gridStack;
    @FXML private VBox emptyState;
    @FXML private ImageView emptyIcon;
    @FXML private Label groupPlaceholder;
    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    @FXML private HBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Button cancelButton;
    @FXML private Label providerLabel;
    @FXML private Label modelLabel;
    @FXML private VBox dropOverlay;

    public MainView(MainViewModel viewModel, WindowState windowState, AppDialogs dialogs) {
        this.viewModel = viewModel;
        this.windowState = windowState;
        this.dialogs = dialogs;
        this.drag = new PhotoDragAndDrop(viewModel);
        this.preview = new PreviewView(viewModel.preview());
        FXMLLoader loader = new FXMLLoader(MainView.class.getResource("MainView.fxml"));
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        root.getChildren().add(preview);
        content = new GroupContent(viewModel, drag, gridStack, groupTitle, groupSubtitle, selectionLabel,
                groupPlaceholder);
        bindToolbarAndMenus();
        bindSidebar();
        bindContent();
        bindStatusBar();
        installExternalDrop();
    }

    /** Puts the view in {@code stage}: scene, style, icons, title, remembered size and place. */
    public void show(Stage target) {
        this.stage = target;
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Objects.requireNonNull(MainView.class.getResource("/org/roomnet/app/roomnet.css"))
                .toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), viewModel::redo);
        target.setScene(scene);
        target.getIcons().setAll(icons());
        target.titleProperty().bind(Bindings.createStringBinding(() -> viewModel.folder() == null ? APP_NAME
                : viewModel.folder().getFileName() + " \u2014 " + APP_NAME, viewModel.folderProperty()));
        target.setMinWidth(720);
        target.setMinHeight(480);
        windowState.restore(target, 1280, 820);
        viewModel.thumbnailSizeProperty().set(clampSize(windowState.thumbnailSize(150)));
        viewModel.preview().setDecodeShortSide((int) javafx.stage.Screen.getPrimary().getBounds().getHeight()
                * (int) Math.max(1, Math.round(javafx.stage.Screen.getPrimary().getOutputScaleY())));
        target.show();
    }

    /** Remembers the window and view settings; call when the window closes. */
    public void saveState() {
        if (stage != null) {
            windowState.save(stage);
        }
        windowState.saveThumbnailSize(viewModel.thumbnailSizeProperty().get());
        if (viewModel.folder() != null) {
            windowState.saveLastFolder(viewModel.folder().toString());
        }
    }

    static List<Image> icons() {
        return ICON_SIZES.stream().map(s -> new Image(Objects.requireNonNull(
                MainView.class.getResource("/org/roomnet/app/icons/roomnet-" + s + ".png")).toExternalForm())).toList();
    }

    // ---- binding -----------------------------------------------------------------------------------

    private void bindToolbarAndMenus() {
        var noShoot = viewModel.hasShootBinding().not();
        var cannotAct = noShoot.or(viewModel.busyProperty());
        exportItem.disableProperty().bind(cannotAct);
        exportButton.disableProperty().bind(cannotAct);
        sortItem.disableProperty().bind(cannotAct);
        sortButton.disableProperty().bind(cannotAct);
        undoSortItem.disableProperty().bind(cannotAct);
        closeItem.disableProperty().bind(noShoot);
        undoItem.textProperty().bind(viewModel.undoTextProperty());
        redoItem.textProperty().bind(viewModel.redoTextProperty());
        undoItem.disableProperty().bind(viewModel.canUndoProperty().not());
        redoItem.disableProperty().bind(viewModel.canRedoProperty().not());
        selectAllItem.disableProperty().bind(noShoot);
        previewItem.disableProperty().bind(noShoot);

        PhotoGroups photos = viewModel.photos();
        needsReviewToggle.selectedProperty().bindBidirectional(photos.needsReviewOnlyProperty());
        needsReviewItem.selectedProperty().bindBidirectional(photos.needsReviewOnlyProperty());
        needsReviewToggle.setTooltip(new javafx.scene.control.Tooltip("Show only photos with low confidence or a close "
                + "second choice that you have not labelled yet"));
        orderBox.getItems().setAll(PhotoOrder.values());
        orderBox.valueProperty().bindBidirectional(photos.orderProperty());
        ToggleGroup orders = new ToggleGroup();
        for (PhotoOrder o : PhotoOrder.values()) {
            RadioMenuItem item = new RadioMenuItem(o.toString());
            item.setToggleGroup(orders);
            item.setSelected(photos.orderProperty().get() == o);
            item.setOnAction(e -> photos.orderProperty().set(o));
            photos.orderProperty().addListener((obs, was, now) -> item.setSelected(now == o));
            orderMenu.getItems().add(item);
        }
        sizeSlider.setMin(MainViewModel.MIN_CELL);
        sizeSlider.setMax(MainViewModel.MAX_CELL);
        sizeSlider.valueProperty().bindBidirectional(viewModel.thumbnailSizeProperty());
        emptyIcon.setImage(icons().get(3));
    }

    private void bindSidebar() {
        PhotoGroups photos = viewModel.photos();
        photos.groups().addListener((ListChangeListener<PhotoGroup>) c -> rebuildGroups());
        photos.unreadableProperty().addListener((o, was, now) -> {
            unreadableBox.getChildren().clear();
            if (now != null) {
                GroupTile tile = new GroupTile(now, photos, drag, false);
                tile.getStyleClass().add("unreadable-tile");
                tile.visibleProperty().bind(now.countProperty().greaterThan(0));
                tile.managedProperty().bind(tile.visibleProperty());
                unreadableBox.getChildren().add(tile);
            }
        });
        photos.pendingProperty().addListener((o, was, now) -> {
            unreadableBox.getChildren().removeIf(n -> n.getStyleClass().contains("pending-tile"));
            if (now != null) {
                GroupTile tile = new GroupTile(now, photos, drag, false);
                tile.getStyleClass().add("pending-tile");
                tile.visibleProperty().bind(now.countProperty().greaterThan(0));
                tile.managedProperty().bind(tile.visibleProperty());
                unreadableBox.getChildren().add(0, tile);
            }
        });
    }

    private void rebuildGroups() {
        PhotoGroups photos = viewModel.photos();
        groupList.getChildren().setAll(photos.groups().stream().map(g -> new GroupTile(g, photos, drag, true)).toList());
        content.clear();
        labelMenu.getItems().setAll(photos.groups().stream().map(g -> {
            MenuItem item = new MenuItem((g.key() > 0 ? g.key() + "   " : "") + g.label());
            item.setOnAction(e -> viewModel.relabelSelection(g.label()));
            item.disableProperty().bind(photos.selection().sizeProperty().isEqualTo(0));
            return item;
        }).toList());
    }

    private void bindContent() {
        PhotoGroups photos = viewModel.photos();
        emptyState.visibleProperty().bind(viewModel.hasShootBinding().not());
        groupHeader.visibleProperty().bind(photos.currentProperty().isNotNull());
        groupHeader.managedProperty().bind(groupHeader.visibleProperty());
    }

    private void bindStatusBar() {
        StatusModel status = viewModel.status();
        summaryLabel.textProperty().bind(status.summaryProperty());
        messageLabel.textProperty().bind(status.messageProperty());
        status.messageIsErrorProperty().addListener((o, was, now) -> messageLabel.pseudoClassStateChanged(ERROR, now));
        providerLabel.textProperty().bind(status.providerProperty());
        providerLabel.setTooltip(new javafx.scene.control.Tooltip());
        providerLabel.getTooltip().textProperty().bind(Bindings.createStringBinding(() -> "Execution provider: "
                + status.providerProperty().get() + (status.providerDetailProperty().get().isEmpty() ? ""
                : "\n" + status.providerDetailProperty().get()), status.providerProperty(), status.providerDetailProperty()));
        modelLabel.textProperty().bind(status.modelProperty());
        progressBox.visibleProperty().bind(viewModel.busyProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progressBar.progressProperty().bind(status.progressProperty());
        progressLabel.textProperty().bind(status.progressTextProperty());
        cancelButton.visibleProperty().bind(viewModel.classifyingProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
    }

    private void installExternalDrop() {
        root.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getGestureSource() == null && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                dropOverlay.setVisible(true);
                e.consume();
            }
        });
        root.addEventHandler(DragEvent.DRAG_EXITED, e -> dropOverlay.setVisible(false));
        root.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            if (e.getGestureSource() == null && e.getDragboard().hasFiles()) {
                dropOverlay.setVisible(false);
                List<Path> paths = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                e.setDropCompleted(true);
                e.consume();
                viewModel.openDropped(paths);
            }
        });
    }

    // ---- keys --------------------------------------------------------------------------------------

    private void keyPressed(KeyEvent e) {
        if (preview.handleKey(e)) {
            e.consume();
            return;
        }
        if (viewModel.preview().isOpen() || e.isAltDown() || e.isShortcutDown()) {
            return;
        }
        Node focus = root.getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        boolean control = typing || focus instanceof Slider || focus instanceof ComboBoxBase;
        int digit = PreviewView.digit(e.getCode());
        if (digit > 0 && !typing) {
            viewModel.relabelSelectionWithKey(digit);
            content.scrollToAnchor();
            e.consume();
            return;
        }
        switch (e.getCode()) {
            case SPACE, ENTER -> {
                if (!typing && !(focus instanceof Button)) {
                    viewModel.openPreview();
                    e.consume();
                }
            }
            case LEFT, RIGHT, UP, DOWN -> {
                if (!control) {
                    int columns = content.columns();
                    int delta = switch (e.getCode()) {
                        case LEFT -> -1;
                        case RIGHT -> 1;
                        case UP -> -columns;
                        default -> columns;
                    };
                    viewModel.photos().moveSelection(delta, e.isShiftDown());
                    content.scrollToAnchor();
                    e.consume();
                }
            }
            case ESCAPE -> {
                viewModel.photos().selection().clear();
                e.consume();
            }
            default -> {
                // not ours
            }
        }
    }

    // ---- menu and toolbar actions ------------------------------------------------------------------

    @FXML
    private void openFolder() {
        dialogs.chooseFolder(lastFolderParent()).ifPresent(viewModel::openFolder);
    }

    @FXML
    private void openPhotos() {
        List<Path> files = dialogs.choosePhotos(lastFolderParent());
        if (!files.isEmpty()) {
            viewModel.openPhotos(files);
        }
    }

    private Path lastFolderParent() {
        Path current = viewModel.folder();
        if (current != null) {
            return current.getParent();
        }
        String last = windowState.lastFolder();
        return last == null ? null : Path.of(last).getParent();
    }

    @FXML
    private void exportXlsx() {
        viewModel.actions().exportXlsx();
    }

    @FXML
    private void sortIntoFolders() {
        viewModel.actions().sortIntoFolders();
    }

    @FXML
    private void undoLastSort() {
        viewModel.actions().undoLastSort();
    }

    @FXML
    private void closeShoot() {
        viewModel.closeShoot();
    }

    @FXML
    private void quit() {
        if (stage != null) {
            stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            if (stage.isShowing()) {
                stage.close();
            }
        }
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void redo() {
        viewModel.redo();
    }

    @FXML
    private void selectAll() {
        PhotoGroup g = viewModel.photos().current();
        if (g != null) {
            viewModel.photos().selection().selectAll(g.shown());
        }
    }

    @FXML
    private void preview() {
        viewModel.openPreview();
    }

    @FXML
    private void largerThumbnails() {
        viewModel.thumbnailSizeProperty().set(clampSize(viewModel.thumbnailSizeProperty().get() + 20));
    }

    @FXML
    private void smallerThumbnails() {
        viewModel.thumbnailSizeProperty().set(clampSize(viewModel.thumbnailSizeProperty().get() - 20));
    }

    private static double clampSize(double size) {
        return Math.max(MainViewModel.MIN_CELL, Math.min(MainViewModel.MAX_CELL, size));
    }

    @FXML
    private void showShortcuts() {
        dialogs.showInfo("Keyboard shortcuts", String.join("\n",
                "1 – 9\tlabel the selected photos and go to the next",
                "Drag\tdrop selected photos on a room type to label them",
                "Space\tpreview (arrows step, Space or Esc close)",
                "Arrows\tmove the selection (Shift extends it)",
                "Ctrl+click / Shift+click\tadd to the selection / select a range",
                "Ctrl+A\tselect all photos of the group",
                "Ctrl+Z\tundo",
                "Ctrl+Shift+Z, Ctrl+Y\tredo",
                "Ctrl+R\tshow only photos that need review",
                "Ctrl+O\topen a shoot folder",
                "Ctrl+E\texport XLSX"));
    }

    @FXML
    private void showAbout() {
        StatusModel s = viewModel.status();
        dialogs.showInfo("About " + APP_NAME, APP_NAME + " sorts the photos of a property shoot by room type, "
                + "on this computer.\n\nModel: " + s.modelProperty().get() + "\nExecution provider: "
                + s.providerProperty().get());
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    // ---- for tests ---------------------------------------------------------------------------------

    public Parent root() {
        return root;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public PhotoDragAndDrop dragAndDrop() {
        return drag;
    }
}
