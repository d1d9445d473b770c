package org.roomnet.app.main;

import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.photos.Selection;

/**
 * Dragging thumbnails onto a room type. The photos travel inside the app (the dragboard only carries
 * their names, for other programs); a drop relabels them through the view model, the same way the
 * number keys do, so tests can drive {@link #dropOn} without a drag gesture.
 */
public final class PhotoDragAndDrop {

    private static final int DRAG_VIEW_SIZE = 96;
    private static final double DRAG_VIEW_POINTER_X = 12;
    private static final double DRAG_VIEW_GAP = 14;

    private final MainViewModel viewModel;
    private List<PhotoItem> dragged = List.of();

    public PhotoDragAndDrop(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Starts dragging the selection (which includes {@code pressed}) from {@code source}. */
    void start(Node source, PhotoItem pressed) {
        Selection selection = viewModel.photos().selection();
        if (!pressed.isSelected()) {
            selection.selectOnly(pressed);
        }
        dragged = selection.items();
        Dragboard board = source.startDragAndDrop(TransferMode.MOVE);
        ClipboardContent content = new ClipboardContent();
        content.putString(dragged.stream().map(PhotoItem::fileName).collect(Collectors.joining("\n")));
        board.setContent(content);
        if (pressed.thumbnailProperty().get() != null) {
            // above the pointer: the row it points at (a room's name, a place in the listing) stays visible
            Image view = pressed.thumbnailProperty().get().image(DRAG_VIEW_SIZE);
            board.setDragView(view, DRAG_VIEW_POINTER_X, view.getHeight() + DRAG_VIEW_GAP);
        }
    }

    /** Photos being dragged inside the app; empty when none. */
    public List<PhotoItem> dragged() {
        return dragged;
    }

    public boolean canDropOn(PhotoGroup group) {
        return !dragged.isEmpty()
                && dragged.stream()
                        .anyMatch(i -> !group.label().equals(i.review().finalLabel()));
    }

    /** Relabels the dragged photos as {@code group}'s room type (one undoable step). */
    public boolean dropOn(PhotoGroup group, List<PhotoItem> photos) {
        dragged = List.of();
        return viewModel.relabel(photos, group.label());
    }

    boolean dropOn(PhotoGroup group) {
        return dropOn(group, dragged);
    }

    void finished() {
        dragged = List.of();
    }

    /** For tests: the state a drag gesture of {@code photos} leaves, which a headless test cannot start. */
    void pretendDragging(List<PhotoItem> photos) {
        dragged = List.copyOf(photos);
    }
}
