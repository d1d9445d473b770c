package org.roomnet.core.review;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewRulesTest {

    private final Path file = Path.of("/shoot/a.jpg");

    @Test
    void aSurePhotoNeedsNoReview() {
        PhotoReview p = Photos.photo(file, "Kitchen", 0.9f, 0.05f);
        assertFalse(ReviewRules.isLowConfidence(p));
        assertFalse(ReviewRules.needsReview(p));
    }

    @Test
    void lowConfidenceNeedsReview() {
        PhotoReview p = Photos.photo(file, "Kitchen", ReviewRules.LOW_CONFIDENCE - 0.01f, 0.1f);
        assertTrue(ReviewRules.isLowConfidence(p));
        assertTrue(ReviewRules.needsReview(p));
    }

    @Test
    void aCloseSecondChoiceNeedsReviewEvenWhenConfident() {
        PhotoReview p = Photos.photo(file, "Kitchen", 0.62f, 0.62f - ReviewRules.CLOSE_MARGIN + 0.01f);
        assertFalse(ReviewRules.isLowConfidence(p));
        assertTrue(ReviewRules.isCloseCall(p));
        assertTrue(ReviewRules.needsReview(p));
    }

    @Test
    void aPhotoTheAgentLabelledNeedsNoMoreReview() {
        PhotoReview p = Photos.photo(file, "Kitchen", 0.3f, 0.25f).withAgentLabel("Kitchen");
        assertTrue(ReviewRules.isLowConfidence(p));
        assertFalse(ReviewRules.needsReview(p));
    }

    @Test
    void anUnreadableFileIsNotUnderReview() {
        assertFalse(ReviewRules.needsReview(PhotoReview.unreadable(file, "bad")));
    }
}
