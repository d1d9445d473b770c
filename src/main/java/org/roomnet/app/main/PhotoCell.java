package org.roomnet.app.main;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.photos.Selection;
import org.roomnet.app.photos.Thumbnail;
import org.roomnet.core.review.ListingMark;
import org.roomnet.core.review.Percent;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewRules;

/**
 * A thumbnail with its file name and, below it, the model's confidence; a badge for low confidence,
 * a close second choice, a confirmation (✓) or a correction (the model's label in its tooltip: the
 * agent's own label has no confidence figure). Click, Ctrl+click and Shift+click select; double-click
 * previews; dragging moves the selection onto a room type, or, in the Listing view, to another place
 * of the listing. A rejected photo is greyed; the cover has a badge; in the Listing view a photo shows
 * the name it will be exported under. In Needs review, where photos of every room meet, each shows its room.
 */
final class PhotoCell extends GridCell<PhotoItem> {

    /** Height of the name row under the picture. */
    static final double FOOTER_HEIGHT = 22;
    /** Thumbnails are decoded in steps of this many pixels, so dragging the size slider does not decode on every pixel. */
    private static final int DECODE_STEP = 100;

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass LOW = PseudoClass.getPseudoClass("low");
    private static final PseudoClass NEEDS_REVIEW = PseudoClass.getPseudoClass("needs-review");
    private static final PseudoClass CORRECTED = PseudoClass.getPseudoClass("corrected");
    private static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");
    private static final PseudoClass DROP_BEFORE = PseudoClass.getPseudoClass("drop-before");
    private static final PseudoClass DROP_AFTER = PseudoClass.getPseudoClass("drop-after");

    private final MainViewModel viewModel;
    private final PhotoDragAndDrop drag;
    private final ImageView image = new ImageView();
    private final Label badge = new Label();
    private final Label roomTag = new Label();
    private final boolean showRoom;
    private final Tooltip badgeTooltip = new Tooltip();
    private final Label caption = new Label();
    private final Label confidence = new Label();
    private final VBox frame;
    private final Tooltip tooltip = new Tooltip();
    private final ChangeListener<Boolean> selectedListener = (o, was, now) -> pseudoClassStateChanged(SELECTED, now);
    private final ChangeListener<PhotoReview> reviewListener = (o, was, now) -> describe(now);
    private final ChangeListener<Thumbnail> thumbnailListener = (o, was, now) -> showThumbnail(true);
    /** Held here, registered weakly: the listing model outlives the cells of every shoot opened. */
    private final ChangeListener<Number> listingListener = (o, was, now) -> {
        if (this.shown != null && inListing()) {
            describe(this.shown.review());
        }
    };

    private PhotoItem shown;
    private int decodedSide;

    /** @param showRoom each photo shows its room (in a grid of photos of several rooms) */
    PhotoCell(MainViewModel viewModel, PhotoDragAndDrop drag, boolean showRoom) {
        this.viewModel = viewModel;
        this.drag = drag;
        this.showRoom = showRoom;
        getStyleClass().add("photo-cell");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.fitWidthProperty().bind(widthProperty().subtract(8));
        image.fitHeightProperty().bind(heightProperty().subtract(FOOTER_HEIGHT + 8));
        Region placeholder = new Region();
        placeholder.getStyleClass().add("thumbnail-placeholder");
        badge.getStyleClass().add("badge");
        badge.setVisible(false);
        badge.setTooltip(badgeTooltip);
        StackPane.setAlignment(badge, Pos.TOP_LEFT);
        roomTag.getStyleClass().add("room-tag");
        roomTag.setVisible(false);
        StackPane.setAlignment(roomTag, Pos.BOTTOM_LEFT);
        StackPane picture = new StackPane(placeholder, image, badge, roomTag);
        picture.getStyleClass().add("picture");
        VBox.setVgrow(picture, Priority.ALWAYS);
        caption.getStyleClass().add("caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setMinWidth(0);
        HBox.setHgrow(caption, Priority.ALWAYS);
        confidence.getStyleClass().add("confidence");
        confidence.setMinWidth(Region.USE_PREF_SIZE);
        HBox footer = new HBox(4, caption, confidence);
        footer.getStyleClass().add("footer");
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setMinHeight(FOOTER_HEIGHT);
        footer.setPrefHeight(FOOTER_HEIGHT);
        frame = new VBox(picture, footer);
        frame.getStyleClass().add("photo-frame");
        setGraphic(null);
        setText(null);
        widthProperty().addListener((o, was, now) -> showThumbnail(false));
        viewModel.listing().versionProperty().addListener(new javafx.beans.value.WeakChangeListener<>(listingListener));

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        setOnContextMenuRequested(e -> {
            if (shown != null && !shown.isPending()) {
                if (!shown.isSelected()) {
                    viewModel.photos().selection().selectOnly(shown);
                }
                PhotoMenu.show(this, viewModel, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        setOnDragDetected(e -> {
            if (shown != null && e.getButton() == MouseButton.PRIMARY) {
                drag.start(this, shown);
                e.consume();
            }
        });
        setOnDragDone(e -> drag.finished());
        setOnDragOver(e -> {
            if (inListing()
                    && shown != null
                    && e.getGestureSource() != null
                    && !drag.dragged().isEmpty()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.MOVE);
                boolean after = e.getX() > getWidth() / 2;
                pseudoClassStateChanged(DROP_BEFORE, !after);
                pseudoClassStateChanged(DROP_AFTER, after);
            }
            e.consume();
        });
        setOnDragExited(e -> clearDropMarks());
        setOnDragDropped(e -> {
            clearDropMarks();
            boolean done = false;
            if (inListing() && shown != null && !drag.dragged().isEmpty()) {
                int index = viewModel.photos().current().shown().indexOf(shown) + (e.getX() > getWidth() / 2 ? 1 : 0);
                // a drop that leaves the order as it was is still a drop: a failed one makes the desktop
                // slide the drag image back to where it started (what lingered after a drop, issue 19)
                done = viewModel.listing().move(drag.dragged(), index) || !viewModel.isReadOnly();
                drag.finished();
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private boolean inListing() {
        return viewModel.photos().isListing(viewModel.photos().current());
    }

    private void clearDropMarks() {
        pseudoClassStateChanged(DROP_BEFORE, false);
        pseudoClassStateChanged(DROP_AFTER, false);
    }

    @Override
    protected void updateItem(PhotoItem item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.selectedProperty().removeListener(selectedListener);
            shown.reviewProperty().removeListener(reviewListener);
            shown.thumbnailProperty().removeListener(thumbnailListener);
        }
        shown = empty ? null : item;
        if (shown == null) {
            setGraphic(null);
            setTooltip(null);
            image.setImage(null);
            decodedSide = 0;
            pseudoClassStateChanged(SELECTED, false);
            return;
        }
        shown.selectedProperty().addListener(selectedListener);
        shown.reviewProperty().addListener(reviewListener);
        shown.thumbnailProperty().addListener(thumbnailListener);
        pseudoClassStateChanged(SELECTED, shown.isSelected());
        showThumbnail(true);
        describe(shown.review());
        setGraphic(frame);
        setTooltip(tooltip);
        viewModel.photos().requestThumbnail(shown);
    }

    /** Decodes the thumbnail at the size on screen (again only when the cell grew past it, or {@code anew}). */
    private void showThumbnail(boolean anew) {
        Thumbnail t = shown == null ? null : shown.thumbnailProperty().get();
        if (t == null) {
            image.setImage(null);
            decodedSide = 0;
            return;
        }
        double scale = getScene() != null && getScene().getWindow() != null
                ? getScene().getWindow().getOutputScaleX()
                : 1;
        int needed = (int) Math.ceil(getWidth() * scale / DECODE_STEP) * DECODE_STEP;
        int side = Math.max(DECODE_STEP, Math.min(MainViewModel.THUMBNAIL_MAX_SIDE, needed));
        if (anew || side > decodedSide) {
            image.setImage(t.image(side));
            decodedSide = side;
        }
    }

    private void describe(PhotoReview r) {
        // in the Listing view a photo is named as it will be exported: "03-livingroom-2"
        String name = inListing()
                ? viewModel
                        .listing()
                        .entry(r.file())
                        .map(e -> displayName(e.name()))
                        .orElse(displayName(shown.fileName()))
                : displayName(shown.fileName());
        caption.setText(name);
        caption.setTextOverrun(overrun(name));
        if (shown.isPending()) {
            for (PseudoClass state : new PseudoClass[] {LOW, NEEDS_REVIEW, CORRECTED, REJECTED}) {
                pseudoClassStateChanged(state, false);
            }
            confidence.setText("\u2026");
            badge.setVisible(false);
            roomTag.setVisible(false);
            tooltip.setText(shown.fileName() + "\n" + PhotoItem.PENDING_NOTE);
            return;
        }
        roomTag.setText(r.finalLabel());
        roomTag.setVisible(showRoom && r.isReadable());
        ReviewRules rules = shown.rules();
        boolean low = rules.isLowConfidence(r);
        boolean close = rules.isCloseCall(r);
        pseudoClassStateChanged(LOW, low);
        pseudoClassStateChanged(NEEDS_REVIEW, rules.needsReview(r));
        pseudoClassStateChanged(CORRECTED, r.isCorrected());
        ListingMark mark = r.listing();
        pseudoClassStateChanged(REJECTED, mark.rejected());
        confidence.setText(
                r.isCorrected() ? "" : r.isLabelledUnfamiliar() ? "unfamiliar" : Percent.whole(r.confidence()));
        if (mark.cover()) {
            badge.setText("Cover");
            badgeTooltip.setText("The listing's cover: exported first (C on it again: no cover)");
        } else if (mark.rejected()) {
            badge.setText("Rejected");
            badgeTooltip.setText("Left out of the listing and its checklist (X takes it back)");
        } else if (r.isCorrected()) {
            badge.setText("Corrected");
            badgeTooltip.setText("You labelled it " + r.finalLabel() + "; the model said " + r.modelLabel() + " ("
                    + Percent.tenths(r.confidence()) + ")");
        } else if (r.isReviewed()) {
            badge.setText("\u2713");
            badgeTooltip.setText("Reviewed: you confirmed " + r.finalLabel());
        } else {
            badge.setText(r.isLabelledUnfamiliar() ? "Unfamiliar" : low ? "Low" : close ? "Unsure" : "");
            badgeTooltip.setText(String.join("\n", rules.reasons(r)));
        }
        badge.setVisible(!badge.getText().isEmpty());
        badge.getStyleClass()
                .setAll(
                        "badge",
                        mark.cover()
                                ? "badge-cover"
                                : mark.rejected()
                                        ? "badge-rejected"
                                        : r.isCorrected()
                                                ? "badge-corrected"
                                                : r.isReviewed() ? "badge-confirmed" : "badge-low");
        String reasons = String.join("\n", rules.reasons(r));
        tooltip.setText(shown.fileName() + "\n"
                + (r.isCorrected()
                        ? "Labelled " + r.finalLabel() + " by you; the model said " + r.modelLabel() + " ("
                                + Percent.tenths(r.confidence()) + ")"
                        : (r.isReviewed() ? "Confirmed as " : "Model: ")
                                + r.finalLabel()
                                + (r.isLabelledUnfamiliar()
                                        ? " (unlike every photo it learned from)"
                                        : " (" + Percent.tenths(r.confidence()) + ")"))
                + "\nSecond choice: " + r.secondLabel() + " (" + Percent.tenths(r.secondConfidence()) + ")"
                + (reasons.isEmpty() ? "" : "\nNeeds review: " + reasons)
                + (mark.cover() ? "\nThe listing's cover" : mark.rejected() ? "\nRejected: not in the listing" : "")
                + (r.warning() == null ? "" : "\nNote: " + r.warning()));
    }

    /** The name without its extension: "DSC_0023" tells photos apart where "DSC_0023.jpg" would be cut. */
    static String displayName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** A name too long for the cell keeps its number when it ends in one ("…0023"), else both ends. */
    static OverrunStyle overrun(String displayName) {
        return !displayName.isEmpty() && Character.isDigit(displayName.charAt(displayName.length() - 1))
                ? OverrunStyle.LEADING_ELLIPSIS
                : OverrunStyle.CENTER_ELLIPSIS;
    }

    private void pressed(MouseEvent e) {
        if (shown == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        requestFocus();
        Selection selection = viewModel.photos().selection();
        if (e.getClickCount() == 2) {
            selection.selectOnly(shown);
            viewModel.openPreview(shown);
        } else if (e.isShortcutDown()) {
            selection.toggle(shown);
        } else if (e.isShiftDown()) {
            selection.extendTo(shown, viewModel.photos().current().shown());
        } else if (!shown.isSelected()) {
            selection.selectOnly(shown);
        }
        e.consume();
    }

    /** A plain click on a photo of a multiple selection selects just it (a drag keeps them all). */
    private void released(MouseEvent e) {
        if (shown != null
                && e.getButton() == MouseButton.PRIMARY
                && e.isStillSincePress()
                && !e.isShortcutDown()
                && !e.isShiftDown()
                && e.getClickCount() == 1
                && viewModel.photos().selection().sizeProperty().get() > 1) {
            viewModel.photos().selection().selectOnly(shown);
        }
    }
}
