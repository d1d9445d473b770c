package org.roomnet.app.main;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.core.review.ListingChecklist;

/**
 * The left side of the main window: the room types (drop targets, with counts), the unreadable
 * files, how far the review is ("Reviewed 12 of 47", then "All 47 photos reviewed"), and the listing
 * checklist (✓ or missing per room the listing needs).
 */
final class Sidebar extends VBox {

    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

    private final MainViewModel viewModel;
    private final PhotoDragAndDrop drag;
    private final VBox groupList = new VBox(2);
    private final VBox unreadableBox = new VBox();
    private final VBox pendingBox = new VBox();
    private final VBox checklistBox = new VBox(2);
    private final VBox listingBox = new VBox();
    private final VBox queueBox = new VBox();

    Sidebar(MainViewModel viewModel, PhotoDragAndDrop drag) {
        this.viewModel = viewModel;
        this.drag = drag;
        setId("sidebar");
        getStyleClass().add("sidebar");
        setPrefWidth(250);
        setMinWidth(220);
        groupList.getStyleClass().add("group-list");
        unreadableBox.getStyleClass().add("group-list");
        pendingBox.getStyleClass().add("group-list");
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        Label hint = new Label("Select photos, then press a room's number or drag them onto it. Pressing a photo's "
                + "own room's number marks it reviewed (\u2713). F1 lists every shortcut.");
        hint.getStyleClass().add("sidebar-hint");
        hint.setWrapText(true);
        Label legend = new Label("Orange number: photos that need review. N / Shift+N: next / previous one, "
                + "Alt+\u2191 / \u2193 or Ctrl+number: another room.");
        legend.setId("review-legend");
        legend.getStyleClass().add("sidebar-hint");
        legend.setWrapText(true);
        legend.setMinHeight(Region.USE_PREF_SIZE); // wrapped in full, as the hint below
        queueBox.getStyleClass().add("group-list");
        queueBox.visibleProperty().bind(viewModel.folderProperty().isNotNull());
        queueBox.managedProperty().bind(queueBox.visibleProperty());
        hint.setMinHeight(Region.USE_PREF_SIZE); // wrapped in full; the side bar scrolls when the window is low
        // the Listing right under the room types: on a 640-px screen both fit without scrolling the side bar
        getChildren()
                .addAll(
                        queueBox,
                        title("ROOM TYPES"),
                        groupList,
                        pendingBox,
                        unreadableBox,
                        listing(),
                        progress(),
                        checklist(),
                        grow,
                        legend,
                        hint);
        PhotoGroups photos = viewModel.photos();
        photos.groups().addListener((ListChangeListener<PhotoGroup>) c -> rebuildGroups());
        photos.unreadableProperty().addListener((o, was, now) -> showSpecial(unreadableBox, now, "unreadable-tile"));
        photos.pendingProperty().addListener((o, was, now) -> showSpecial(pendingBox, now, "pending-tile"));
        photos.listingProperty().addListener((o, was, now) -> showListing(now));
        photos.reviewQueueProperty().addListener((o, was, now) -> showQueue(now));
    }

    /** Needs review: the photos of every room that need review, and how many there are. */
    private void showQueue(PhotoGroup group) {
        queueBox.getChildren().clear();
        if (group != null) {
            GroupTile tile = new GroupTile(group, viewModel.photos(), drag, false, "?");
            tile.getStyleClass().add("review-queue-tile");
            tile.lookupAll(".group-count")
                    .forEach(n -> ((Label) n)
                            .textProperty()
                            .bind(group.reviewCountProperty().asString("%,d")));
            javafx.scene.control.Tooltip.install(
                    tile,
                    new javafx.scene.control.Tooltip("Every photo that needs review, "
                            + "from all rooms (Ctrl+0). N / Shift+N go to the next / previous one from anywhere; a room's "
                            + "number labels it. The orange number on a room counts its own."));
            queueBox.getChildren().add(tile);
        }
    }

    /** The Listing: the export's photos in order, the cover first; dragging there reorders them. */
    private VBox listing() {
        listingBox.getStyleClass().add("group-list");
        VBox box = new VBox(3, title("LISTING"), listingBox);
        box.getStyleClass().add("sidebar-section");
        box.visibleProperty().bind(viewModel.folderProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void showListing(PhotoGroup group) {
        listingBox.getChildren().clear();
        if (group != null) {
            GroupTile tile = new GroupTile(group, viewModel.photos(), drag, false, "\u2605");
            tile.getStyleClass().add("listing-tile");
            // the count of photos that go, not of every readable photo the group holds
            tile.lookupAll(".group-count")
                    .forEach(n -> ((Label) n)
                            .textProperty()
                            .bind(viewModel.listing().countProperty().asString("%,d")));
            javafx.scene.control.Tooltip.install(
                    tile,
                    new javafx.scene.control.Tooltip(
                            "The photos of the export, in its order: the cover first, then room by room.\n"
                                    + "X rejects a photo, C makes it the cover; drag in the Listing to reorder."));
            listingBox.getChildren().add(tile);
        }
    }

    private static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("sidebar-title");
        return title;
    }

    private VBox progress() {
        ReviewCounts counts = viewModel.counts();
        Label label = new Label();
        label.setId("review-progress");
        label.getStyleClass().add("review-progress-label");
        label.textProperty().bind(counts.progressText());
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.getStyleClass().add("review-progress");
        bar.progressProperty()
                .bind(Bindings.createDoubleBinding(
                        () -> counts.photosProperty().get() == 0
                                ? 0
                                : (double) counts.reviewedProperty().get()
                                        / counts.photosProperty().get(),
                        counts.reviewedProperty(),
                        counts.photosProperty()));
        counts.allReviewedBinding().addListener((o, was, now) -> {
            label.pseudoClassStateChanged(DONE, now);
            bar.pseudoClassStateChanged(DONE, now);
        });
        VBox box = new VBox(4, label, bar);
        box.getStyleClass().add("sidebar-section");
        box.visibleProperty().bind(counts.photosProperty().greaterThan(0));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private VBox checklist() {
        Hyperlink change = new Hyperlink("Change\u2026");
        change.setId("checklist-change");
        change.getStyleClass().add("sidebar-link");
        change.setFocusTraversable(false);
        change.setOnAction(e -> viewModel.checklist().change());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title("LISTING CHECKLIST"), spacer, change);
        header.setAlignment(Pos.BASELINE_LEFT);
        checklistBox.setId("checklist");
        viewModel.checklist().items().addListener((ListChangeListener<ListingChecklist.Item>) c -> showChecklist());
        VBox box = new VBox(3, header, checklistBox);
        box.getStyleClass().add("sidebar-section");
        box.visibleProperty().bind(viewModel.folderProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void showChecklist() {
        checklistBox
                .getChildren()
                .setAll(viewModel.checklist().items().stream()
                        .map(item -> {
                            Label mark = new Label(item.present() ? "\u2713" : "\u2717");
                            mark.getStyleClass().addAll("checklist-mark", item.present() ? "present" : "missing");
                            mark.setMinWidth(Region.USE_PREF_SIZE);
                            Label room = new Label(item.room() + (item.present() ? "" : " \u2014 missing"));
                            room.getStyleClass().addAll("checklist-room", item.present() ? "present" : "missing");
                            HBox row = new HBox(8, mark, room);
                            row.setId("checklist-" + item.room());
                            row.getStyleClass().add("checklist-row");
                            return row;
                        })
                        .toList());
        if (checklistBox.getChildren().isEmpty()) {
            Label none = new Label("No rooms chosen");
            none.getStyleClass().add("checklist-room");
            checklistBox.getChildren().add(none);
        }
    }

    private void rebuildGroups() {
        PhotoGroups photos = viewModel.photos();
        groupList
                .getChildren()
                .setAll(photos.groups().stream()
                        .map(g -> new GroupTile(g, photos, drag, true))
                        .toList());
    }

    /** The unreadable files, or the photos still being classified: a tile shown only while it holds any. */
    private void showSpecial(VBox box, PhotoGroup group, String styleClass) {
        box.getChildren().clear();
        if (group != null) {
            GroupTile tile = new GroupTile(group, viewModel.photos(), drag, false);
            tile.getStyleClass().add(styleClass);
            tile.visibleProperty().bind(group.countProperty().greaterThan(0));
            tile.managedProperty().bind(tile.visibleProperty());
            box.getChildren().add(tile);
        }
    }
}
