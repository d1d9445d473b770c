package org.roomnet.app.preview;

import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The photo at full size over the main window, on a dark backdrop. Binds to a {@link PreviewViewModel}. */
public final class PreviewView extends StackPane {

    private final PreviewViewModel viewModel;

    @FXML
    private Label titleLabel;
    @FXML
    private Label positionLabel;
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

    /**
     * Keys while the preview is open: arrows step, number keys label, Space / Esc / Enter close.
     * Returns true when the key was the preview's.
     */
    public boolean handleKey(KeyEvent e) {
        if (!viewModel.isOpen() || e.isShortcutDown() || e.isAltDown()) {
            return false;
        }
        KeyCode code = e.getCode();
        switch (code) {
            case LEFT, UP, PAGE_UP -> viewModel.previous();
            case RIGHT, DOWN, PAGE_DOWN -> viewModel.next();
            case SPACE, ESCAPE, ENTER -> viewModel.close();
            default -> {
                int key = digit(code);
                if (key < 1) {
                    return false;
                }
                viewModel.relabelWithKey(key);
            }
        }
        return true;
    }

    /** 1–9 for the digit keys (main row or keypad), else 0. */
    public static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char c = name.charAt(name.length() - 1);
            return Character.isDigit(c) ? c - '0' : 0;
        }
        return 0;
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
