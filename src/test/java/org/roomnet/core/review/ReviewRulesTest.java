package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewRulesTest {

    private final Path file = Path.of("/shoot/a.jpg");

    @Test
    void aSurePhotoNeedsNoReview() {
        PhotoReview p = Photos.photo(file, "Kitchen", 0.9f, 0.05f);
        assertFalse(ReviewRules.FIXED.isLowConfidence(p));
        assertFalse(ReviewRules.FIXED.needsReview(p));
    }

    @Test
    void lowConfidenceNeedsReview() {
        PhotoReview p = Photos.photo(file, "Kitchen", ReviewRules.FIXED.lowConfidence() - 0.01f, 0.1f);
        assertTrue(ReviewRules.FIXED.isLowConfidence(p));
        assertTrue(ReviewRules.FIXED.needsReview(p));
    }

    @Test
    void aCloseSecondChoiceNeedsReviewEvenWhenConfident() {
        PhotoReview p = Photos.photo(file, "Kitchen", 0.62f, 0.62f - ReviewRules.FIXED.closeMargin() + 0.01f);
        assertFalse(ReviewRules.FIXED.isLowConfidence(p));
        assertTrue(ReviewRules.FIXED.isCloseCall(p));
        assertTrue(ReviewRules.FIXED.needsReview(p));
    }

    @Test
    void aPhotoTheAgentLabelledNeedsNoMoreReview() {
        PhotoReview p = Photos.photo(file, "Kitchen", 0.3f, 0.25f).withAgentLabel("Kitchen");
        assertTrue(ReviewRules.FIXED.isLowConfidence(p));
        assertFalse(ReviewRules.FIXED.needsReview(p));
    }

    @Test
    void aRejectedPhotoNeedsNoReviewAndIsNotCounted() {
        PhotoReview p = Photos.photo(file, "Kitchen", 0.3f, 0.25f);
        PhotoReview rejected = p.withListing(ListingMark.NONE.withRejected(true));
        assertTrue(ReviewRules.FIXED.needsReview(p));
        assertFalse(ReviewRules.FIXED.needsReview(rejected));
        assertEquals(List.of(), ReviewRules.FIXED.reasons(rejected));
        Review review = new Review(Path.of("/shoot"), Photos.CLASSES);
        review.addAll(List.of(p));
        assertEquals(1, review.needsReviewCount());
        review.toggleRejected(List.of(file));
        assertEquals(0, review.needsReviewCount(), "rejecting takes it out of the review");
        review.undo();
        assertEquals(1, review.needsReviewCount(), "taking it back puts it in again");
    }

    @Test
    void anUnreadableFileIsNotUnderReview() {
        assertFalse(ReviewRules.FIXED.needsReview(PhotoReview.unreadable(file, "bad")));
    }

    @Test
    void theModelsThresholdsDecideAndTheReviewCountsByThem() {
        PhotoReview p = Photos.photo(file, "Kitchen", 0.80f, 0.10f);
        assertFalse(ReviewRules.FIXED.needsReview(p), "80 % with a 70-point lead passes the fixed rule");
        ReviewRules strict = new ReviewRules(0.85f, 0.0f);
        assertTrue(strict.needsReview(p));
        assertEquals(List.of("low confidence: 80.0 % is below 85 %"), strict.reasons(p));
        Review review = new Review(Path.of("/shoot"), Photos.CLASSES, strict);
        review.addAll(List.of(p));
        assertEquals(1, review.needsReviewCount());
        Review fixed = new Review(Path.of("/shoot"), Photos.CLASSES);
        fixed.addAll(List.of(p));
        assertEquals(0, fixed.needsReviewCount());
    }
}
