package org.roomnet.app.main;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.function.Predicate;

/**
 * The photos of one room type: all of them, and those shown (filtered by "needs review" when on,
 * sorted by the chosen order). Counts are live.
 */
public final class PhotoGroup {

    private final String label;
    private final int key;
    /** No extractor on purpose: a changed photo is removed and added again, so 2,000 changes are one event. */
    private final ObservableList<PhotoItem> all = FXCollections.observableArrayList();
    private final SortedList<PhotoItem> shown;
    private final IntegerBinding count = Bindings.size(all);
    private final ReadOnlyIntegerWrapper reviewCount = new ReadOnlyIntegerWrapper();

    /**
     * @param key the number key that labels photos as this room type (1-based), 0 for none
     */
    PhotoGroup(String label, int key, BooleanProperty needsReviewOnly, ObjectProperty<PhotoOrder> order) {
        this.label = label;
        this.key = key;
        FilteredList<PhotoItem> filtered = new FilteredList<>(all);
        filtered.predicateProperty().bind(Bindings.createObjectBinding(
                () -> needsReviewOnly.get() ? (Predicate<PhotoItem>) PhotoItem::needsReview : null, needsReviewOnly));
        shown = new SortedList<>(filtered);
        shown.comparatorProperty().bind(Bindings.createObjectBinding(() -> order.get().comparator(), order));
        all.addListener((javafx.collections.ListChangeListener<PhotoItem>) c -> recount());
    }

    private void recount() {
        int n = 0;
        for (PhotoItem item : all) {
            if (item.needsReview()) {
                n++;
            }
        }
        reviewCount.set(n);
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

    public ReadOnlyIntegerProperty reviewCountProperty() {
        return reviewCount.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return label;
    }
}
