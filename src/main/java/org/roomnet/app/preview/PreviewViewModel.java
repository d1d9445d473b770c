package org.roomnet.app.preview;

import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.scene.image.Image;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.photos.Thumbnail;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.app.util.FxImages;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.review.Percent;
import org.roomnet.core.review.PhotoReview;

/**
 * The large preview: one photo of a list (the group as it was shown when the preview opened), upright
 * as its EXIF orientation says, decoded in the background; arrow keys step, number keys relabel.
 */
public final class PreviewViewModel {

    private final TaskExecutor executor;
    private final BiPredicate<List<PhotoItem>, String> relabel;
    private final Consumer<PhotoItem> closedAt;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<PhotoItem> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ChangeListener<PhotoReview> reviewListener = (o, was, now) -> describe();
    private List<PhotoItem> items = List.of();
    private List<String> roomTypes = List.of();
    private int index;
    private int generation;
    private int decodeShortSide = 2160;

    /**
     * @param relabel  labels photos (one undoable step); the main view model's
     * @param closedAt told the photo on screen when the preview closes, so the grid can select it
     */
    public PreviewViewModel(
            TaskExecutor executor, BiPredicate<List<PhotoItem>, String> relabel, Consumer<PhotoItem> closedAt) {
        this.executor = executor;
        this.relabel = relabel;
        this.closedAt = closedAt;
    }

    /** The short side the photo is decoded at, at least: the screen's size in pixels; smaller photos stay full size. */
    public void setDecodeShortSide(int pixels) {
        decodeShortSide = Math.max(256, pixels);
    }

    public void open(List<PhotoItem> list, int at, List<String> labels) {
        if (list.isEmpty()) {
            return;
        }
        items = List.copyOf(list);
        roomTypes = List.copyOf(labels);
        hint.set(hint(roomTypes.size()));
        open.set(true);
        show(Math.max(0, Math.min(at, items.size() - 1)));
    }

    public void close() {
        if (!open.get()) {
            return;
        }
        PhotoItem last = current.get();
        open.set(false);
        generation++;
        setCurrent(null);
        image.set(null);
        items = List.of();
        closedAt.accept(last);
    }

    public void next() {
        if (open.get() && index < items.size() - 1) {
            show(index + 1);
        }
    }

    public void previous() {
        if (open.get() && index > 0) {
            show(index - 1);
        }
    }

    /**
     * The keys of the preview as its bar shows them, for a shoot of {@code roomTypes} room types: the number keys
     * are those of its rooms (the first nine), and label the photo before stepping on.
     */
    static String hint(int roomTypes) {
        int n = Math.min(9, roomTypes);
        String numbers = n <= 0 ? "" : (n == 1 ? "1" : "1\u2013" + n) + "  label it, then the next   \u00b7   ";
        return "\u2190 \u2192  step   \u00b7   " + numbers + "Space / Esc / Enter  close";
    }

    /** Number key {@code key} (1-based): labels the photo on screen and steps to the next. */
    public void relabelWithKey(int key) {
        PhotoItem item = current.get();
        if (item != null && key >= 1 && key <= roomTypes.size() && item.review().isReadable()) {
            relabel.test(List.of(item), roomTypes.get(key - 1));
            next();
        }
    }

    private void show(int at) {
        index = at;
        PhotoItem item = items.get(at);
        setCurrent(item);
        position.set((at + 1) + " / " + items.size());
        Thumbnail thumbnail = item.thumbnailProperty().get();
        image.set(thumbnail == null ? null : thumbnail.image());
        int gen = ++generation;
        loading.set(true);
        int side = decodeShortSide;
        executor.execute(
                () -> FxImages.toFxImage(PhotoDecoder.decode(item.file(), side)),
                img -> {
                    if (gen == generation) {
                        image.set(img);
                        loading.set(false);
                    }
                },
                e -> {
                    if (gen == generation) {
                        loading.set(false);
                        detail.set("Cannot show this file: " + e.getMessage());
                    }
                });
    }

    private void setCurrent(PhotoItem item) {
        PhotoItem old = current.get();
        if (old != null) {
            old.reviewProperty().removeListener(reviewListener);
        }
        current.set(item);
        if (item != null) {
            item.reviewProperty().addListener(reviewListener);
        }
        describe();
    }

    private void describe() {
        PhotoItem item = current.get();
        if (item == null) {
            title.set("");
            detail.set("");
            return;
        }
        PhotoReview r = item.review();
        title.set(item.fileName());
        if (!r.isReadable()) {
            detail.set("Unreadable: " + r.error());
            return;
        }
        String model = "model: " + r.modelLabel() + " " + Percent.tenths(r.confidence()) + ", then " + r.secondLabel()
                + " " + Percent.tenths(r.secondConfidence());
        detail.set(
                r.isCorrected()
                        ? r.finalLabel() + " (corrected; " + model + ")"
                        : r.finalLabel() + (r.isReviewed() ? " (confirmed; " : " (") + model + ")");
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public boolean isOpen() {
        return open.get();
    }

    public ReadOnlyObjectProperty<PhotoItem> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The keys that work in the preview: "← →  step   ·   1–6  label it, then the next   ·   Space / Esc / Enter  close". */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** "3 / 12". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public boolean hasNext() {
        return index < items.size() - 1;
    }

    public boolean hasPrevious() {
        return index > 0;
    }
}
