package org.roomnet.app.photos;

import java.util.Comparator;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The photos of one room type: all of them, and those shown (filtered and sorted as chosen). Counts
 * are live: photos, those that need review, those not reviewed yet.
 */
public final class PhotoGroup {

    private final String label;
    private final int key;
    /** No extractor on purpose: a changed photo is removed and added again, so 2,000 changes are one event. */
    private final ObservableList<PhotoItem> all = FXCollections.observableArrayList();

    private final SortedList<PhotoItem> shown;
    private final IntegerBinding count = Bindings.size(all);
    private final ReadOnlyIntegerWrapper reviewCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper unreviewedCount = new ReadOnlyIntegerWrapper();

    /**
     * @param key the number key that labels photos as this room type (1-based), 0 for none
     */
    PhotoGroup(String label, int key, ObjectProperty<PhotoFilter> filter, ObjectProperty<PhotoOrder> order) {
        this(
                label,
                key,
                Bindings.createObjectBinding(() -> filter.get().predicate(), filter),
                Bindings.createObjectBinding(() -> order.get().comparator(), order));
    }

    /** A group shown with a predicate and an order of its own (the listing: its photos in export order). */
    PhotoGroup(
            String label,
            int key,
            ObservableValue<Predicate<PhotoItem>> predicate,
            ObservableValue<Comparator<PhotoItem>> comparator) {
        this.label = label;
        this.key = key;
        FilteredList<PhotoItem> filtered = new FilteredList<>(all);
        filtered.predicateProperty().bind(predicate);
        shown = new SortedList<>(filtered);
        shown.comparatorProperty().bind(comparator);
        all.addListener((javafx.collections.ListChangeListener<PhotoItem>) c -> recount());
    }

    private void recount() {
        int flagged = 0;
        int unreviewed = 0;
        for (PhotoItem item : all) {
            flagged += item.needsReview() ? 1 : 0;
            unreviewed += item.review().isReadable() && !item.review().isReviewed() ? 1 : 0;
        }
        reviewCount.set(flagged);
        unreviewedCount.set(unreviewed);
    }

    public String label() {
        return label;
    }

    public int key() {
        return key;
    }

    /** Every photo of the group, in no particular order; changed by the view model only. */
    ObservableList<PhotoItem> all() {
        return all;
    }

    /** The photos on screen, filtered and sorted. */
    public ObservableList<PhotoItem> shown() {
        return shown;
    }

    public IntegerBinding countProperty() {
        return count;
    }

    public int count() {
        return count.get();
    }

    /** Photos that need review (the model was unsure, the agent has not labelled them). */
    public ReadOnlyIntegerProperty reviewCountProperty() {
        return reviewCount.getReadOnlyProperty();
    }

    /** Photos the agent has not labelled yet. */
    public ReadOnlyIntegerProperty unreviewedCountProperty() {
        return unreviewedCount.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return label;
    }
}
