package org.roomnet.app.dialogs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.roomnet.app.sort.SortDialog;
import org.roomnet.app.sort.SortDialogViewModel;
import org.roomnet.app.sort.SortRequest;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.workflow.SortPlan;

/** The real dialogs: native file choosers and JavaFX alerts, owned by the main window. */
public final class FxDialogs implements AppDialogs {

    /** What {@link org.roomnet.core.imaging.PhotoDecoder} reads, in both cases (GTK's filter is case-sensitive). */
    private static final List<String> PHOTO_PATTERNS = Stream.of(
                    "jpg", "jpeg", "png", "webp", "tif", "tiff", "bmp", "gif", "heic", "heif")
            .flatMap(ext -> Stream.of("*." + ext, "*." + ext.toUpperCase()))
            .toList();

    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFolder(Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a shoot folder");
        initialDirectory(initial).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public List<Path> choosePhotos(Path initial) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open photos");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Photos", PHOTO_PATTERNS),
                        new FileChooser.ExtensionFilter("All files", "*"));
        initialDirectory(initial).ifPresent(chooser::setInitialDirectory);
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseXlsxTarget(Path initialFolder, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the review as an Excel workbook");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Excel workbook", "*.xlsx"));
        initialDirectory(initialFolder).ifPresent(chooser::setInitialDirectory);
        chooser.setInitialFileName(initialName);
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        return Optional.of(
                path.getFileName().toString().toLowerCase().endsWith(".xlsx")
                        ? path
                        : path.resolveSibling(path.getFileName() + ".xlsx"));
    }

    @Override
    public Optional<SortRequest> askSort(SortPlan plan) {
        return new SortDialog(owner.get(), new SortDialogViewModel(plan)).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public UnreviewedChoice askUnreviewed(String action, int unreviewed, int photos) {
        ButtonType goOn = new ButtonType(action + " Anyway", ButtonBar.ButtonData.OK_DONE);
        ButtonType show = new ButtonType("Show Them", ButtonBar.ButtonData.OTHER);
        Alert alert = alert(
                Alert.AlertType.CONFIRMATION,
                unreviewed == 1
                        ? "1 photo is not reviewed yet"
                        : String.format("%,d photos are not reviewed yet", unreviewed),
                String.format(
                        "%,d of the %,d photos still carry only the model's label (no \u2713). %s anyway, or show the "
                                + "photos still to review?",
                        unreviewed, photos, action));
        alert.getButtonTypes().setAll(show, ButtonType.CANCEL, goOn);
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == goOn
                ? UnreviewedChoice.GO_ON
                : answer == show ? UnreviewedChoice.SHOW_THEM : UnreviewedChoice.CANCEL;
    }

    @Override
    public Optional<List<String>> chooseListingRooms(List<String> roomTypes, List<String> chosen) {
        Dialog<List<String>> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Listing checklist");
        dialog.setHeaderText("The rooms a listing needs a photo of");
        List<CheckBox> boxes = roomTypes.stream()
                .map(room -> {
                    CheckBox box = new CheckBox(room);
                    box.setSelected(chosen.contains(room));
                    return box;
                })
                .toList();
        VBox content = new VBox(8);
        content.getChildren().addAll(boxes);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        styled(dialog);
        dialog.setResultConverter(b -> b == ButtonType.OK
                ? boxes.stream()
                        .filter(CheckBox::isSelected)
                        .map(CheckBox::getText)
                        .toList()
                : null);
        return dialog.showAndWait();
    }

    @Override
    public Optional<List<String>> chooseRoomOrder(List<String> roomTypes, List<String> current) {
        javafx.scene.control.TextInputDialog dialog =
                new javafx.scene.control.TextInputDialog(String.join(", ", current));
        dialog.initOwner(owner.get());
        dialog.setTitle("Listing room order");
        dialog.setHeaderText(
                "The rooms in the order the listing shows them, separated by commas. Rooms left out follow."
                        + "\nRoom types: " + String.join(", ", roomTypes));
        styled(dialog);
        return dialog.showAndWait()
                .map(text -> java.util.Arrays.stream(text.split(","))
                        .map(String::trim)
                        .filter(roomTypes::contains)
                        .distinct()
                        .toList());
    }

    @Override
    public Optional<String> askRoomTypeName(Function<String, String> problemOf) {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog();
        dialog.initOwner(owner.get());
        dialog.setTitle("New room type");
        dialog.setHeaderText("Name the room type (e.g. Garage, Pool, Study). It is saved with the review, and "
                + "RoomNet proposes it for similar photos once you have labelled some and left the shoot.");
        Label problem = new Label();
        problem.getStyleClass().add("dialog-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(420);
        VBox content = new VBox(8, dialog.getEditor(), problem);
        dialog.getDialogPane().setContent(content);
        javafx.scene.Node ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        Runnable check = () -> {
            String why = dialog.getEditor().getText().isBlank()
                    ? ""
                    : problemOf.apply(dialog.getEditor().getText());
            problem.setText(why);
            ok.setDisable(dialog.getEditor().getText().isBlank() || !why.isEmpty());
        };
        dialog.getEditor().textProperty().addListener((o, was, now) -> check.run());
        check.run();
        styled(dialog);
        Platform.runLater(dialog.getEditor()::requestFocus);
        return dialog.showAndWait();
    }

    @Override
    public Optional<ListingRequest> askListingExport(
            Path folder, ListingPreset preset, String namePattern, String summary) {
        Dialog<ListingRequest> dialog = ListingExportDialog.create(owner.get(), folder, preset, namePattern, summary);
        styled(dialog);
        return dialog.showAndWait();
    }

    @Override
    public ExistingFolderChoice askExistingFolder(Path folder, Path freeName, String problem, boolean canReplace) {
        ButtonType newFolder =
                new ButtonType("Export to \u201c" + freeName.getFileName() + "\u201d", ButtonBar.ButtonData.OK_DONE);
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OTHER);
        Alert alert = alert(
                Alert.AlertType.CONFIRMATION,
                "The export folder is not empty",
                problem
                        + (canReplace
                                ? "\n\nIt holds an earlier export: replace it (only once the new one is complete), or "
                                        + "export into a new folder."
                                : "\n\nNothing in it is touched: export into a new folder beside it."));
        alert.getButtonTypes()
                .setAll(
                        canReplace
                                ? List.of(replace, ButtonType.CANCEL, newFolder)
                                : List.of(ButtonType.CANCEL, newFolder));
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == newFolder
                ? ExistingFolderChoice.NEW_FOLDER
                : answer == replace ? ExistingFolderChoice.REPLACE : ExistingFolderChoice.CANCEL;
    }

    @Override
    public void showShortcuts(List<KeyHelp> rows) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        ShortcutTableView table = new ShortcutTableView(rows);
        ScrollPane scroll = new ScrollPane(table);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinHeight(150);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.setResizable(true);
        styled(dialog);
        // The table is taller than a 768-px laptop screen: keep the dialog on the screen and let it scroll.
        dialog.setOnShown(e -> Platform.runLater(
                () -> fitOnScreen(dialog.getDialogPane().getScene().getWindow(), scroll, table)));
        dialog.showAndWait();
    }

    private static void fitOnScreen(Window window, ScrollPane scroll, ShortcutTableView table) {
        Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), 1, 1).stream()
                .findFirst()
                .orElse(Screen.getPrimary())
                .getVisualBounds();
        double chrome = window.getHeight() - scroll.getHeight();
        scroll.setPrefViewportHeight(Math.min(table.getHeight(), screen.getHeight() - chrome - 40));
        window.sizeToScene();
        window.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - window.getHeight()) / 2));
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public void showWarning(String title, String message) {
        alert(Alert.AlertType.WARNING, title, message).showAndWait();
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label content = new Label(message);
        content.setWrapText(true);
        content.setMaxWidth(520);
        content.setPrefWidth(520);
        alert.getDialogPane().setContent(content);
        styled(alert);
        return alert;
    }

    private void styled(Dialog<?> dialog) {
        if (owner.get() != null && owner.get().getScene() != null) {
            dialog.getDialogPane()
                    .getStylesheets()
                    .addAll(owner.get().getScene().getStylesheets());
        }
    }

    private static Optional<File> initialDirectory(Path initial) {
        return Optional.ofNullable(initial).filter(Files::isDirectory).map(Path::toFile);
    }
}
