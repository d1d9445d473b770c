package org.roomnet.app.sort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.util.Words;

/** Asks copy or move and where to, and says exactly what will happen before anything does. */
public final class SortDialog extends Dialog<SortRequest> {

    private final SortDialogViewModel viewModel;

    @FXML
    private RadioButton copyButton;

    @FXML
    private RadioButton moveButton;

    @FXML
    private TextField destinationField;

    @FXML
    private Label summaryLabel;

    public SortDialog(Window owner, SortDialogViewModel viewModel) {
        this.viewModel = viewModel;
        initOwner(owner);
        setTitle("Sort into Folders");
        setHeaderText("Sort " + Words.plural(viewModel.plan().photos(), "photo") + " into room folders");
        FXMLLoader loader = new FXMLLoader(SortDialog.class.getResource("SortDialog.fxml"));
        loader.setController(this);
        try {
            getDialogPane().setContent(loader.load());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        ButtonType sort = new ButtonType("Copy Photos", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(sort, ButtonType.CANCEL);
        Button sortButton = (Button) getDialogPane().lookupButton(sort);
        sortButton.disableProperty().bind(viewModel.validProperty().not());
        sortButton
                .textProperty()
                .bind(viewModel.modeProperty().map(m -> m == TransferMode.COPY ? "Copy Photos" : "Move Photos"));

        copyButton
                .selectedProperty()
                .addListener(
                        (o, was, now) -> viewModel.modeProperty().set(now ? TransferMode.COPY : TransferMode.MOVE));
        moveButton.setSelected(viewModel.modeProperty().get() == TransferMode.MOVE);
        destinationField.textProperty().bindBidirectional(viewModel.destinationProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        setResultConverter(button -> button == sort ? viewModel.request().orElse(null) : null);
    }

    @FXML
    private void browse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Destination of the room folders");
        viewModel
                .destinationPath()
                .map(Path::getParent)
                .filter(Files::isDirectory)
                .map(Path::toFile)
                .ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showDialog(getOwner());
        if (chosen != null) {
            viewModel.destinationProperty().set(chosen.getAbsolutePath());
        }
    }
}
