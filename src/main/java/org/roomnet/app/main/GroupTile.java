package org.roomnet.app.main;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;

/**
 * A room type in the side bar: its number key, name, how many photos it holds, how many need review,
 * and a ✓ once all of them are reviewed. Click shows the group; dropping thumbnails on it labels them
 * as this room type.
 */
final class GroupTile extends HBox {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DROP = PseudoClass.getPseudoClass("drop-target");
    /** What the orange number on a room means. */
    static final String REVIEW_LEGEND =
            "Orange number: this room's photos that need review (the model was unsure of them). "
                    + "Needs review, at the top, shows those of every room; N goes to the next one.";

    private final PhotoGroup group;
    private final PhotoDragAndDrop drag;
    /** Held here, registered weakly: the groups model outlives the tiles of every shoot opened. */
    private final ChangeListener<PhotoGroup> currentListener;

    GroupTile(PhotoGroup group, PhotoGroups photos, PhotoDragAndDrop drag, boolean dropTarget) {
        this(group, photos, drag, dropTarget, "!");
    }

    /** @param mark shown where a room type shows its number key, for a group without one */
    GroupTile(PhotoGroup group, PhotoGroups photos, PhotoDragAndDrop drag, boolean dropTarget, String mark) {
        this.group = group;
        this.drag = drag;
        setId("group-" + group.label());
        getStyleClass().add("group-tile");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Label key = new Label(group.key() > 0 ? Integer.toString(group.key()) : mark);
        key.getStyleClass().add("key-badge");
        key.setMinWidth(Region.USE_PREF_SIZE);
        Label name = new Label(group.label());
        name.getStyleClass().add("group-name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label review = new Label();
        review.getStyleClass().add("review-badge");
        review.setMinWidth(Region.USE_PREF_SIZE);
        review.textProperty().bind(group.reviewCountProperty().asString("%,d"));
        // a room type's count of photos to review (the listing's photos are counted in their rooms)
        review.visibleProperty()
                .bind(group.reviewCountProperty().greaterThan(0).and(new SimpleBooleanProperty(dropTarget)));
        review.managedProperty().bind(review.visibleProperty());
        review.setTooltip(new Tooltip(REVIEW_LEGEND));
        Label done = new Label("\u2713");
        done.getStyleClass().add("done-badge");
        done.setMinWidth(Region.USE_PREF_SIZE);
        // a room type with photos, every one reviewed (the unreadable files have nothing to review)
        done.visibleProperty()
                .bind(group.countProperty()
                        .greaterThan(0)
                        .and(group.unreviewedCountProperty().isEqualTo(0))
                        .and(new SimpleBooleanProperty(dropTarget)));
        done.managedProperty().bind(done.visibleProperty());
        done.setTooltip(new Tooltip("every photo here is reviewed"));
        Label count = new Label();
        count.setId("count-" + group.label());
        count.getStyleClass().add("group-count");
        count.textProperty().bind(group.countProperty().asString("%,d"));
        count.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(key, name, spacer, review, done, count);
        if (group.key() > 0) {
            Tooltip.install(
                    this,
                    new Tooltip("Show " + group.label() + " photos. Press " + group.key()
                            + " or drop photos here to label them " + group.label() + "."));
        }

        pseudoClassStateChanged(CURRENT, photos.current() == group);
        currentListener = (o, was, now) -> pseudoClassStateChanged(CURRENT, now == group);
        photos.currentProperty().addListener(new WeakChangeListener<>(currentListener));
        setOnMouseClicked(e -> photos.choose(group));
        if (dropTarget) {
            setOnDragOver(e -> {
                if (e.getGestureSource() != null && drag.canDropOn(group)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragEntered(e -> pseudoClassStateChanged(DROP, e.getGestureSource() != null && drag.canDropOn(group)));
            setOnDragExited(e -> pseudoClassStateChanged(DROP, false));
            setOnDragDropped(this::dropped);
        }
    }

    private void dropped(DragEvent e) {
        pseudoClassStateChanged(DROP, false);
        e.setDropCompleted(drag.dropOn(group));
        e.consume();
    }

    PhotoGroup group() {
        return group;
    }
}
