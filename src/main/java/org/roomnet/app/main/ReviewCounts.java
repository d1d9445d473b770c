package org.roomnet.app.main;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.roomnet.core.review.Review;
import org.roomnet.core.review.ReviewListener;
import org.roomnet.core.util.Words;

/**
 * How far the review of the open shoot is: photos, reviewed (✓ or corrected), corrected, unreadable,
 * and the status bar's summary of it. Follows the review it is attached to. UI thread.
 */
public final class ReviewCounts {

    private final ReadOnlyIntegerWrapper photos = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper reviewed = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper corrected = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper unreadable = new ReadOnlyIntegerWrapper();
    /** Photos left out when the agent cancelled classifying: not in the review until the shoot is opened again. */
    private final ReadOnlyIntegerWrapper notClassified = new ReadOnlyIntegerWrapper();

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No shoot open");
    private final BooleanBinding allReviewed =
            photos.greaterThan(0).and(reviewed.isEqualTo(photos)).and(notClassified.isEqualTo(0));
    private Review review;

    /** Follows {@code next} (null: no shoot; {@code opening}: one is on its way). */
    void attach(Review next, boolean opening) {
        review = next;
        notClassified.set(0);
        if (next != null) {
            next.addListener(ReviewListener.onPhotos(() -> refresh(next)));
            refresh(next);
        } else {
            photos.set(0);
            reviewed.set(0);
            corrected.set(0);
            unreadable.set(0);
            summary.set(opening ? "Opening\u2026" : "No shoot open");
        }
    }

    private void refresh(Review r) {
        if (r != review) {
            return;
        }
        photos.set((int) r.readableCount());
        reviewed.set((int) r.reviewedCount());
        corrected.set((int) r.correctedCount());
        unreadable.set((int) r.unreadableCount());
        String progress = allReviewed.get()
                ? "all reviewed \u2713"
                : String.format("%,d of %,d reviewed", reviewed.get(), photos.get());
        summary.set(Words.plural(photos.get(), "photo") + " \u00b7 " + progress
                + (corrected.get() > 0 ? String.format(" \u00b7 %,d corrected", corrected.get()) : "")
                + (unreadable.get() > 0 ? String.format(" \u00b7 %,d unreadable", unreadable.get()) : "")
                + (notClassified.get() > 0
                        ? String.format(" \u00b7 %,d not classified (cancelled)", notClassified.get())
                        : ""));
    }

    /**
     * Classifying was cancelled with {@code count} photos still to go: the summary says so until the shoot is
     * opened again, and the review is not called complete.
     */
    void cancelledWith(int count) {
        notClassified.set(Math.max(0, count));
        if (review != null) {
            refresh(review);
        }
    }

    /** Readable photos of the shoot. */
    public ReadOnlyIntegerProperty photosProperty() {
        return photos.getReadOnlyProperty();
    }

    /** Photos the agent has labelled: confirmed with their own room's key, or corrected. */
    public ReadOnlyIntegerProperty reviewedProperty() {
        return reviewed.getReadOnlyProperty();
    }

    public int unreviewed() {
        return photos.get() - reviewed.get();
    }

    /** Every photo of the shoot is reviewed (and there is at least one). */
    public BooleanBinding allReviewedBinding() {
        return allReviewed;
    }

    /** "47 photos · 12 of 47 reviewed · 3 corrected · 2 unreadable" (and "· 20 not classified (cancelled)"). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "Reviewed 12 of 47" or "All 47 photos reviewed", for the side bar. */
    public javafx.beans.binding.StringBinding progressText() {
        return Bindings.createStringBinding(
                () -> allReviewed.get()
                        ? "All " + Words.plural(photos.get(), "photo") + " reviewed"
                        : String.format("Reviewed %,d of %,d", reviewed.get(), photos.get()),
                allReviewed,
                reviewed,
                photos);
    }
}
