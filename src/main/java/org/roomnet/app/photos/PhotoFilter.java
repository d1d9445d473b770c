package org.roomnet.app.photos;

import java.util.function.Predicate;
import org.roomnet.core.review.ReviewRules;

/** Which photos of a group are shown. */
public enum PhotoFilter {
    ALL("All photos", null),
    /** The model was unsure and the agent has not labelled them yet ({@link ReviewRules}). */
    NEEDS_REVIEW("Needs review", PhotoItem::needsReview),
    /** The agent has not labelled them yet (no ✓, not corrected). */
    NOT_REVIEWED(
            "Not reviewed", item -> item.review().isReadable() && !item.review().isReviewed());

    private final String displayName;
    private final Predicate<PhotoItem> test;

    PhotoFilter(String displayName, Predicate<PhotoItem> test) {
        this.displayName = displayName;
        this.test = test;
    }

    /** The items this filter shows; null (no filtering) for {@link #ALL}. */
    Predicate<PhotoItem> predicate() {
        return test;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
