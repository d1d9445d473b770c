package org.roomnet.app.photos;

import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewRules;

import java.util.function.Predicate;

/** Which photos of a group are shown. */
public enum PhotoFilter {
    ALL("All photos", null),
    /** The model was unsure and the agent has not labelled them yet ({@link ReviewRules}). */
    NEEDS_REVIEW("Needs review", ReviewRules::needsReview),
    /** The agent has not labelled them yet (no ✓, not corrected). */
    NOT_REVIEWED("Not reviewed", p -> p.isReadable() && !p.isReviewed());

    private final String displayName;
    private final Predicate<PhotoReview> test;

    PhotoFilter(String displayName, Predicate<PhotoReview> test) {
        this.displayName = displayName;
        this.test = test;
    }

    /** The items this filter shows; null (no filtering) for {@link #ALL}. */
    Predicate<PhotoItem> predicate() {
        return test == null ? null : item -> test.test(item.review());
    }

    @Override
    public String toString() {
        return displayName;
    }
}
