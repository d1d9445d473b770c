package org.roomnet.app.main;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A folder or photos dropped on the window from outside the app (a file manager) open a shoot. */
final class ExternalDrop {

    private final StackPane root;
    private final VBox overlay;
    private final Consumer<List<Path>> open;

    ExternalDrop(StackPane root, VBox overlay, Consumer<List<Path>> open) {
        this.root = root;
        this.overlay = overlay;
        this.open = open;
    }

    void install() {
        root.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getGestureSource() == null && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                overlay.setVisible(true);
                e.consume();
            }
        });
        root.addEventHandler(DragEvent.DRAG_EXITED, e -> overlay.setVisible(false));
        root.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            if (e.getGestureSource() == null && e.getDragboard().hasFiles()) {
                overlay.setVisible(false);
                List<Path> paths =
                        e.getDragboard().getFiles().stream().map(File::toPath).toList();
                e.setDropCompleted(true);
                e.consume();
                open.accept(paths);
            }
        });
    }
}
