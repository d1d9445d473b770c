package org.roomnet.app.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * The photo at full size over the main window, on a dark backdrop. Binds to a {@link PreviewViewModel};
 * its keys are in the main window's shortcut table.
 */
public final class PreviewView extends StackPane {

    private final PreviewViewModel viewModel;

    @FXML
    private Label titleLabel;

    @FXML
    private Label positionLabel;

    @FXML
    private Label hintLabel;

    @FXML
    private Label detailLabel;

    @FXML
    private StackPane imageArea;

    @FXML
    private ImageView imageView;

    @FXML
    private ProgressIndicator spinner;

    @FXML
    private Button previousButton;

    @FXML
    private Button nextButton;

    public PreviewView(PreviewViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(PreviewView.class.getResource("PreviewView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        visibleProperty().bind(viewModel.openProperty());
        managedProperty().bind(viewModel.openProperty());
        titleLabel.textProperty().bind(viewModel.titleProperty());
        positionLabel.textProperty().bind(viewModel.positionProperty());
        hintLabel.textProperty().bind(viewModel.hintProperty());
        detailLabel.textProperty().bind(viewModel.detailProperty());
        imageView.imageProperty().bind(viewModel.imageProperty());
        imageView.fitWidthProperty().bind(imageArea.widthProperty().subtract(24));
        imageView.fitHeightProperty().bind(imageArea.heightProperty().subtract(24));
        imageArea.setMinSize(0, 0);
        spinner.visibleProperty().bind(viewModel.loadingProperty());
        viewModel.currentProperty().addListener((o, was, now) -> {
            previousButton.setDisable(!viewModel.hasPrevious());
            nextButton.setDisable(!viewModel.hasNext());
        });
    }

    @FXML
    private void close() {
        viewModel.close();
    }

    @FXML
    private void previous() {
        viewModel.previous();
    }

    @FXML
    private void next() {
        viewModel.next();
    }
}
