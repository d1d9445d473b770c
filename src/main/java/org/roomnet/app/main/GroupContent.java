package org.roomnet.app.main;

import impl.org.controlsfx.skin.GridViewSkin;
import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.GridView;
import org.roomnet.app.photos.PhotoFilter;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.core.util.Words;

/**
 * The middle of the main window: one ControlsFX GridView per room type (a list for unreadable files),
 * made when the group is first shown and kept with its scroll position, and the header above it.
 */
final class GroupContent {

    private final MainViewModel viewModel;
    private final PhotoDragAndDrop drag;
    private final StackPane gridStack;
    private final Label groupTitle;
    private final Label groupSubtitle;
    private final Label selectionLabel;
    private final Label groupPlaceholder;
    private final Button confirmButton;
    private final Map<PhotoGroup, Node> groupViews = new HashMap<>();

    GroupContent(
            MainViewModel viewModel,
            PhotoDragAndDrop drag,
            StackPane gridStack,
            Label groupTitle,
            Label groupSubtitle,
            Label selectionLabel,
            Label groupPlaceholder,
            Button confirmButton) {
        this.viewModel = viewModel;
        this.drag = drag;
        this.gridStack = gridStack;
        this.groupTitle = groupTitle;
        this.groupSubtitle = groupSubtitle;
        this.selectionLabel = selectionLabel;
        this.groupPlaceholder = groupPlaceholder;
        this.confirmButton = confirmButton;
        confirmButton.managedProperty().bind(confirmButton.visibleProperty());
        Tooltip subtitle = new Tooltip(); // the subtitle gives way first on a narrow window
        subtitle.textProperty().bind(groupSubtitle.textProperty());
        groupSubtitle.setTooltip(subtitle);
        PhotoGroups photos = viewModel.photos();
        photos.currentProperty().addListener((o, was, now) -> showGroup(now));
        photos.groups().addListener((ListChangeListener<PhotoGroup>) c -> {
            boolean removed = false;
            while (c.next()) {
                removed |= c.wasRemoved();
            }
            if (removed) {
                clear(); // another shoot; a room type the agent adds keeps the grids shown
            }
        });
        photos.filterProperty().addListener((o, was, now) -> updateHeader());
        viewModel.classifyingProperty().addListener((o, was, now) -> updateHeader());
        photos.selection().sizeProperty().addListener((o, was, now) -> updateHeader());
    }

    /** The groups were rebuilt (another shoot): drops the views of the old ones. */
    private void clear() {
        gridStack.getChildren().removeAll(groupViews.values());
        groupViews.clear();
    }

    /** Shows {@code group}'s grid (made the first time), or nothing. */
    void showGroup(PhotoGroup group) {
        PhotoGroup classifying = viewModel.photos().pendingProperty().get();
        if (group != classifying && groupViews.containsKey(classifying)) {
            // its photos only pass through: a hidden grid would keep cells of photos long since labelled
            gridStack.getChildren().remove(groupViews.remove(classifying));
        }
        groupViews.values().forEach(n -> n.setVisible(false));
        if (group == null) {
            updateHeader();
            return;
        }
        Node view = groupViews.computeIfAbsent(group, this::createGroupView);
        view.setVisible(true);
        updateHeader();
    }

    private Node createGroupView(PhotoGroup group) {
        Runnable headerIfShown = () -> {
            if (viewModel.photos().current() == group) {
                updateHeader();
            }
        };
        group.shown().addListener((ListChangeListener<PhotoItem>) c -> headerIfShown.run());
        if (viewModel.photos().isListing(group)) {
            // names and places follow the listing: redraw the cells when it is arranged again
            viewModel.listing().countProperty().addListener((o, was, now) -> headerIfShown.run());
        }
        group.reviewCountProperty().addListener((o, was, now) -> headerIfShown.run());
        group.unreviewedCountProperty().addListener((o, was, now) -> headerIfShown.run());
        Node view;
        if (group == viewModel.photos().unreadableProperty().get()) {
            ListView<PhotoItem> list = new ListView<>(group.shown());
            list.getStyleClass().add("unreadable-list");
            list.setId("unreadable-list");
            list.setCellFactory(l -> new ListCell<>() {
                @Override
                protected void updateItem(PhotoItem item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(
                            empty || item == null
                                    ? null
                                    : item.fileName() + "  \u2014  "
                                            + item.review().error());
                }
            });
            view = list;
        } else {
            GridView<PhotoItem> grid = new GridView<>(group.shown());
            grid.setId("grid-" + group.label());
            grid.getStyleClass().add("photo-grid");
            grid.cellWidthProperty().bind(viewModel.thumbnailSizeProperty());
            // a 4:3 picture and the name row under it: no grey band above a landscape photo
            grid.cellHeightProperty()
                    .bind(viewModel.thumbnailSizeProperty().multiply(0.75).add(PhotoCell.FOOTER_HEIGHT));
            grid.setHorizontalCellSpacing(6);
            grid.setVerticalCellSpacing(6);
            boolean mixedRooms = viewModel.photos().isReviewQueue(group);
            grid.setCellFactory(g -> new PhotoCell(viewModel, drag, mixedRooms));
            grid.setOnMouseClicked(e -> {
                if (e.getTarget() == grid || !(e.getTarget() instanceof Node n && isInsideCell(n))) {
                    viewModel.photos().selection().clear();
                }
            });
            if (viewModel.photos().isListing(group)) {
                acceptDropsBetweenCells(grid, group);
            }
            view = grid;
        }
        gridStack.getChildren().add(gridStack.getChildren().size() - 1, view);
        return view;
    }

    /**
     * In the Listing, a drop between two photos or below the last (the cells take theirs) goes to the place of the
     * nearest photo: refused, the drop made the desktop slide the drag image back for ~0.5 s (issue 19).
     */
    private void acceptDropsBetweenCells(GridView<PhotoItem> grid, PhotoGroup listing) {
        grid.setOnDragOver(e -> {
            if (e.getGestureSource() != null && !drag.dragged().isEmpty()) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        grid.setOnDragDropped(e -> {
            boolean done = false;
            if (!drag.dragged().isEmpty()) {
                int index = nearestPlace(grid, listing, e.getSceneX(), e.getSceneY());
                done = viewModel.listing().move(drag.dragged(), index) || !viewModel.isReadOnly();
                drag.finished();
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** The place in the listing before or after the photo shown nearest to the scene point; the end when none. */
    private static int nearestPlace(GridView<PhotoItem> grid, PhotoGroup listing, double sceneX, double sceneY) {
        int place = listing.shown().size();
        double best = Double.MAX_VALUE;
        for (Node n : grid.lookupAll(".photo-cell")) {
            if (n instanceof PhotoCell cell && cell.getItem() != null && cell.isVisible()) {
                Bounds b = cell.localToScene(cell.getBoundsInLocal());
                double dx = sceneX - b.getCenterX();
                double dy = sceneY - b.getCenterY();
                int index = listing.shown().indexOf(cell.getItem());
                if (index >= 0 && dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    place = index + (dx > 0 ? 1 : 0);
                }
            }
        }
        return place;
    }

    private static boolean isInsideCell(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof PhotoCell) {
                return true;
            }
        }
        return false;
    }

    /** Title, counts and selection of the group on screen. */
    void updateHeader() {
        PhotoGroup g = viewModel.photos().current();
        if (g == null) {
            groupPlaceholder.setVisible(false);
            confirmButton.setVisible(false);
            return;
        }
        boolean unreadable = g == viewModel.photos().unreadableProperty().get();
        boolean listing = viewModel.photos().isListing(g);
        groupTitle.setText(g.label());
        if (viewModel.photos().isReviewQueue(g)) {
            updateQueueHeader(g);
            return;
        }
        if (listing) {
            int n = g.shown().size();
            groupSubtitle.setText(Words.plural(n, "photo") + " in export order \u00b7 the cover first \u00b7 "
                    + "drag to reorder \u00b7 X rejects, C makes the cover");
            int selected = viewModel.photos().selection().sizeProperty().get();
            selectionLabel.setText(selected == 0 ? "" : String.format("%,d selected", selected));
            groupPlaceholder.setVisible(n == 0);
            groupPlaceholder.setText("No photo in the listing: every one is rejected or unreadable");
            confirmButton.setVisible(false);
            return;
        }
        int shown = g.shown().size();
        // while classifying, a room's photos are not all known: never "no Backyard photos in this shoot" yet
        boolean classifying = viewModel.classifyingProperty().get();
        boolean pending = g == viewModel.photos().pendingProperty().get();
        String counts = Words.plural(g.count(), unreadable ? "file" : "photo")
                + (classifying && !pending ? " so far \u00b7 classifying\u2026" : "");
        PhotoFilter filter = viewModel.photos().filterProperty().get();
        if (pending) {
            counts += " read, waiting for their room type";
        } else if (!unreadable) {
            int unreviewed = g.unreviewedCountProperty().get();
            counts += filter == PhotoFilter.NEEDS_REVIEW
                    ? String.format(" \u00b7 showing the %,d that need review", shown)
                    : filter == PhotoFilter.NOT_REVIEWED
                            ? String.format(" \u00b7 showing the %,d not reviewed", shown)
                            : g.count() == 0
                                    ? ""
                                    : unreviewed == 0
                                            ? " \u00b7 all reviewed \u2713"
                                            : String.format(
                                                    " \u00b7 %,d of %,d reviewed", g.count() - unreviewed, g.count());
        }
        groupSubtitle.setText(unreadable ? counts + " \u00b7 these files are never sorted or moved" : counts);
        int selected = viewModel.photos().selection().sizeProperty().get();
        selectionLabel.setText(selected == 0 ? "" : String.format("%,d selected", selected));
        groupPlaceholder.setVisible(shown == 0);
        groupPlaceholder.setText(
                pending
                        ? (classifying ? "Reading the photos\u2026" : "Every photo is classified")
                        : g.count() == 0 && classifying
                                ? "Classifying\u2026 no " + g.label() + " photo found yet"
                                : g.count() == 0
                                        ? "No " + g.label() + " photos in this shoot"
                                        : filter == PhotoFilter.NOT_REVIEWED
                                                ? "Every photo here is reviewed"
                                                : "No photo here needs review");
        confirmButton.setVisible(!unreadable
                && !pending
                && g.shown().stream().anyMatch(i -> !i.review().isReviewed()));
        confirmButton.setText("Confirm " + (shown == 1 ? "this photo" : "these " + shown) + " as " + g.label());
    }

    /** Needs review: how many photos of how many rooms; each is labelled or confirmed with its room's number. */
    private void updateQueueHeader(PhotoGroup queue) {
        int n = queue.shown().size();
        long rooms = queue.shown().stream()
                .map(i -> i.review().finalLabel())
                .distinct()
                .count();
        groupSubtitle.setText(
                n == 0
                        ? "Every photo the model was unsure of is reviewed"
                        : Words.plural(n, "photo") + " of " + Words.plural(rooms, "room")
                                + " \u00b7 a number labels the selected photo (its own room's: \u2713) \u00b7 N / Shift+N: next / previous");
        int selected = viewModel.photos().selection().sizeProperty().get();
        selectionLabel.setText(selected == 0 ? "" : String.format("%,d selected", selected));
        groupPlaceholder.setVisible(n == 0);
        groupPlaceholder.setText("No photo needs review \u2713");
        confirmButton.setVisible(false);
    }

    /** Thumbnails per row in the grid on screen (for Up/Down). */
    int columns() {
        Node view = groupViews.get(viewModel.photos().current());
        if (view instanceof GridView<?> grid && grid.getSkin() instanceof GridViewSkin<?> skin) {
            return Math.max(1, skin.computeMaxCellsInRow());
        }
        return 1;
    }

    /** Scrolls the grid on screen so that the selection's anchor is visible. */
    void scrollToAnchor() {
        scrollToAnchor(true);
    }

    private void scrollToAnchor(boolean laterIfNew) {
        PhotoGroup g = viewModel.photos().current();
        PhotoItem anchor = viewModel.photos().selection().anchor();
        Node view = groupViews.get(g);
        if (g == null || anchor == null || view == null) {
            return;
        }
        int index = g.shown().indexOf(anchor);
        if (index >= 0 && view.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(index / columns());
        } else if (index >= 0 && laterIfNew) {
            // a grid made just now (N went to another room) has no skin before its first layout
            Platform.runLater(() -> scrollToAnchor(false));
        }
    }
}
