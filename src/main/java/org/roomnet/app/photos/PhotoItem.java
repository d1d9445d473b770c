package org.roomnet.app.photos;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewRules;

/** One photo as the views show it: its review (replaced on each change), thumbnail and selection. UI thread. */
public final class PhotoItem {

    private final Path file;
    private final ReviewRules rules;
    private final ReadOnlyObjectWrapper<PhotoReview> review;
    private final ObjectProperty<Thumbnail> thumbnail = new SimpleObjectProperty<>();
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private final boolean pending;
    private boolean thumbnailRequested;

    public PhotoItem(PhotoReview review, ReviewRules rules) {
        this(review, rules, false);
    }

    private PhotoItem(PhotoReview review, ReviewRules rules, boolean pending) {
        this.file = review.file();
        this.rules = rules;
        this.review = new ReadOnlyObjectWrapper<>(review);
        this.pending = pending;
    }

    /** A photo decoded (it has its thumbnail) but not labelled yet; it leaves its group when its label comes. */
    static PhotoItem pending(Path file, Thumbnail thumbnail) {
        PhotoItem item = new PhotoItem(PhotoReview.unreadable(file, PENDING_NOTE), ReviewRules.FIXED, true);
        item.thumbnail.set(thumbnail);
        return item;
    }

    public static final String PENDING_NOTE = "Classifying\u2026";

    public boolean isPending() {
        return pending;
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    public PhotoReview review() {
        return review.get();
    }

    public ReadOnlyObjectProperty<PhotoReview> reviewProperty() {
        return review.getReadOnlyProperty();
    }

    public void setReview(PhotoReview value) {
        review.set(value);
    }

    public ObjectProperty<Thumbnail> thumbnailProperty() {
        return thumbnail;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    boolean markThumbnailRequested() {
        boolean first = !thumbnailRequested;
        thumbnailRequested = true;
        return first;
    }

    /** The model's needs-review rule, which the views show this photo against. */
    public ReviewRules rules() {
        return rules;
    }

    public boolean needsReview() {
        return rules.needsReview(review());
    }

    @Override
    public String toString() {
        return fileName();
    }
}
