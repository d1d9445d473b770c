package org.roomnet.app.main;

import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.GridCell;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewRules;

/**
 * A thumbnail with its confidence, a mark for low confidence or a close second choice, and a
 * "corrected" badge with the model's label when the agent changed it. Click, Ctrl+click and
 * Shift+click select; double-click previews; dragging moves the selection onto a room type.
 */
final class PhotoCell extends GridCell<PhotoItem> {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass LOW = PseudoClass.getPseudoClass("low");
    private static final PseudoClass NEEDS_REVIEW = PseudoClass.getPseudoClass("needs-review");
    private static final PseudoClass CORRECTED = PseudoClass.getPseudoClass("corrected");

    private final MainViewModel viewModel;
    private final PhotoDragAndDrop drag;
    private final ImageView image = new ImageView();
    private final Label badge = new Label();
    private final Label caption = new Label();
    private final Label confidence = new Label();
    private final StackPane frame;
    private final Tooltip tooltip = new Tooltip();
    private final ChangeListener<Boolean> selectedListener = (o, was, now) -> pseudoClassStateChanged(SELECTED, now);
    private final ChangeListener<PhotoReview> reviewListener = (o, was, now) -> describe(now);
    private final ChangeListener<Image> imageListener = (o, was, now) -> image.setImage(now);
    private PhotoItem shown;

    PhotoCell(MainViewModel viewModel, PhotoDragAndDrop drag) {
        this.viewModel = viewModel;
        this.drag = drag;
        getStyleClass().add("photo-cell");
        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.fitWidthProperty().bind(widthProperty().subtract(8));
        image.fitHeightProperty().bind(heightProperty().subtract(8));
        Region placeholder = new Region();
        placeholder.getStyleClass().add("thumbnail-placeholder");
        badge.getStyleClass().add("badge");
        badge.setVisible(false);
        StackPane.setAlignment(badge, Pos.TOP_LEFT);
        caption.getStyleClass().add("caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(caption, Priority.ALWAYS);
        confidence.getStyleClass().add("confidence");
        confidence.setMinWidth(Region.USE_PREF_SIZE);
        HBox footer = new HBox(4, caption, confidence);
        footer.getStyleClass().add("footer");
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(footer, Pos.BOTTOM_CENTER);
        frame = new StackPane(placeholder, image, badge, footer);
        frame.getStyleClass().add("photo-frame");
        setGraphic(null);
        setText(null);

        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        setOnDragDetected(e -> {
            if (shown != null && e.getButton() == MouseButton.PRIMARY) {
                drag.start(this, shown);
                e.consume();
            }
        });
        setOnDragDone(e -> drag.finished());
    }

    @Override
    protected void updateItem(PhotoItem item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.selectedProperty().removeListener(selectedListener);
            shown.reviewProperty().removeListener(reviewListener);
            shown.thumbnailProperty().removeListener(imageListener);
        }
        shown = empty ? null : item;
        if (shown == null) {
            setGraphic(null);
            setTooltip(null);
            image.setImage(null);
            pseudoClassStateChanged(SELECTED, false);
            return;
        }
        shown.selectedProperty().addListener(selectedListener);
        shown.reviewProperty().addListener(reviewListener);
        shown.thumbnailProperty().addListener(imageListener);
        pseudoClassStateChanged(SELECTED, shown.isSelected());
        image.setImage(shown.thumbnailProperty().get());
        describe(shown.review());
        setGraphic(frame);
        setTooltip(tooltip);
        viewModel.photos().requestThumbnail(shown);
    }

    private void describe(PhotoReview r) {
        if (shown.isPending()) {
            for (PseudoClass state : new PseudoClass[]{LOW, NEEDS_REVIEW, CORRECTED}) {
                pseudoClassStateChanged(state, false);
            }
            confidence.setText("\u2026");
            caption.setText(shown.fileName());
            badge.setVisible(false);
            tooltip.setText(shown.fileName() + "\n" + PhotoItem.PENDING_NOTE);
            return;
        }
        boolean low = ReviewRules.isLowConfidence(r);
        boolean close = ReviewRules.isCloseCall(r);
        pseudoClassStateChanged(LOW, low);
        pseudoClassStateChanged(NEEDS_REVIEW, ReviewRules.needsReview(r));
        pseudoClassStateChanged(CORRECTED, r.isCorrected());
        confidence.setText(Math.round(r.confidence() * 100) + " %");
        if (r.isCorrected()) {
            badge.setText("Corrected");
            caption.setText("model: " + r.modelLabel());
        } else {
            badge.setText(r.isReviewed() ? "\u2713" : low ? "Low" : close ? "Unsure" : "");
            caption.setText(shown.fileName());
        }
        badge.setVisible(!badge.getText().isEmpty());
        badge.getStyleClass().setAll("badge", r.isCorrected() ? "badge-corrected"
                : r.isReviewed() ? "badge-confirmed" : "badge-low");
        tooltip.setText(shown.fileName() + "\n" + (r.isCorrected()
                ? "Labelled " + r.finalLabel() + " by you; the model said " + r.modelLabel()
                : r.isReviewed() ? "Confirmed as " + r.finalLabel() : "Model: " + r.modelLabel())
                + String.format(" (%d %%)%nSecond choice: %s (%d %%)", Math.round(r.confidence() * 100), r.secondLabel(),
                Math.round(r.secondConfidence() * 100))
                + (ReviewRules.needsReview(r) ? "\nNeeds review: " + (low ? "low confidence" : "close second choice") : ""));
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
        if (shown != null && e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && !e.isShortcutDown()
                && !e.isShiftDown() && e.getClickCount() == 1 && viewModel.photos().selection().sizeProperty().get() > 1) {
            viewModel.photos().selection().selectOnly(shown);
        }
    }
}
