package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.roomnet.core.review.Photos;
import org.roomnet.core.review.Review;

/** The status bar's summary after Cancel: the photos left out are named until the shoot is opened again. */
class ReviewCountsTest {

    private static final Path DIR = Path.of("/shoot");

    private static Review reviewedShoot() {
        Review r = new Review(DIR, Photos.CLASSES);
        r.addAll(List.of(Photos.sure(DIR.resolve("a.jpg"), "Kitchen"), Photos.sure(DIR.resolve("b.jpg"), "Bedroom")));
        r.relabel(List.of(DIR.resolve("a.jpg")), "Kitchen");
        r.relabel(List.of(DIR.resolve("b.jpg")), "Bedroom");
        return r;
    }

    @Test
    void aCancelledShootSaysHowManyPhotosAreNotClassifiedAndIsNotCalledReviewed() {
        ReviewCounts counts = new ReviewCounts();
        counts.attach(reviewedShoot(), false);
        assertTrue(counts.allReviewedBinding().get());
        assertEquals(
                "2 photos \u00b7 all reviewed \u2713", counts.summaryProperty().get());

        counts.cancelledWith(5);
        assertEquals(
                "2 photos \u00b7 2 of 2 reviewed \u00b7 5 not classified (cancelled)",
                counts.summaryProperty().get());
        assertFalse(counts.allReviewedBinding().get(), "5 photos of the shoot are not in the review yet");
    }

    @Test
    void openingTheShootAgainForgetsTheCancel() {
        ReviewCounts counts = new ReviewCounts();
        counts.attach(reviewedShoot(), false);
        counts.cancelledWith(5);
        counts.attach(reviewedShoot(), false);
        assertEquals(
                "2 photos \u00b7 all reviewed \u2713", counts.summaryProperty().get());
    }
}
