package org.roomnet.app.dialogs;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.roomnet.app.sort.SortDialog;
import org.roomnet.app.sort.SortDialogViewModel;
import org.roomnet.app.sort.SortPlan;
import org.roomnet.app.sort.SortRequest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The real dialogs: native file choosers and JavaFX alerts, owned by the main window. */
public final class FxDialogs implements AppDialogs {

    private static final List<String> PHOTO_PATTERNS =
            List.of("*.jpg", "*.jpeg", "*.JPG", "*.JPEG", "*.png", "*.PNG", "*.webp", "*.tif", "*.tiff", "*.bmp", "*.heic");

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
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Photos", PHOTO_PATTERNS));
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
        return Optional.of(path.getFileName().toString().toLowerCase().endsWith(".xlsx")
                ? path : path.resolveSibling(path.getFileName() + ".xlsx"));
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
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
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
        if (owner.get() != null && owner.get().getScene() != null) {
            alert.getDialogPane().getStylesheets().addAll(owner.get().getScene().getStylesheets());
        }
        return alert;
    }

    private static Optional<File> initialDirectory(Path initial) {
        return Optional.ofNullable(initial).filter(Files::isDirectory).map(Path::toFile);
    }
}
