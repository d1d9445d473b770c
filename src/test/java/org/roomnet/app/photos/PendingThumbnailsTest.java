package org.roomnet.app.photos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roomnet.app.task.CurrentThreadExecutor;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewRules;

/** Thumbnails come before labels: a decoded photo shows at once, in "Classifying…", then moves to its room. */
class PendingThumbnailsTest {

    private static final List<String> ROOMS =
            List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom");

    private final PhotoGroups photos = new PhotoGroups(new CurrentThreadExecutor(), 64);

    @AfterEach
    void close() {
        photos.close();
    }

    @Test
    void aThumbnailWithoutALabelIsShownAndMovesToItsRoomWhenTheLabelComes() {
        photos.build(ROOMS, ReviewRules.FIXED);
        photos.showFirstWithPhotosUnlessChosen();
        Path file = Path.of("/shoot/IMG_1.jpg");
        Thumbnail thumbnail =
                Thumbnail.of(new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB));

        photos.attachThumbnail(file, thumbnail);
        PhotoGroup classifying = photos.pendingProperty().get();
        assertEquals(1, classifying.count());
        photos.showFirstWithPhotosUnlessChosen();
        assertSame(classifying, photos.current(), "no room has photos yet: the decoded ones are on screen");
        assertTrue(classifying.shown().get(0).isPending());

        float[] scores = {0.1f, 0.1f, 0.1f, 0.1f, 0.5f, 0.1f};
        photos.added(List.of(PhotoReview.fromPrediction(file, Prediction.of(ROOMS, scores), null)));
        assertEquals(0, classifying.count());
        PhotoItem kitchen = photos.group("Kitchen").orElseThrow().shown().get(0);
        assertSame(thumbnail, kitchen.thumbnailProperty().get(), "the thumbnail made before the label is kept");
    }

    @Test
    void photosStillWithoutALabelLeaveWhenClassificationStops() {
        photos.build(ROOMS, ReviewRules.FIXED);
        Thumbnail thumbnail =
                Thumbnail.of(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));
        photos.attachThumbnail(Path.of("/shoot/a.jpg"), thumbnail);
        photos.attachThumbnail(Path.of("/shoot/b.jpg"), thumbnail);
        assertEquals(2, photos.pendingProperty().get().count());
        photos.showFirstWithPhotosUnlessChosen();
        photos.dropPending();
        assertEquals(0, photos.pendingProperty().get().count());
        assertEquals("Backyard", photos.current().label(), "the empty Classifying group is not left on screen");
    }

    @Test
    void theViewMovesOnceAtTheFirstPhotoLabelledAndNeverAgain() {
        photos.build(ROOMS, ReviewRules.FIXED);
        photos.showAtOpen(true);
        assertSame(photos.pendingProperty().get(), photos.current(), "nothing labelled yet: Classifying…");
        Thumbnail thumbnail =
                Thumbnail.of(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));
        photos.attachThumbnail(Path.of("/shoot/a.jpg"), thumbnail);
        photos.showFirstWithPhotosUnlessChosen();
        assertSame(photos.pendingProperty().get(), photos.current());

        PhotoReview kitchen = PhotoReview.fromPrediction(
                Path.of("/shoot/a.jpg"), Prediction.of(ROOMS, new float[] {0.1f, 0.1f, 0.1f, 0.1f, 0.5f, 0.1f}), null);
        photos.added(List.of(kitchen));
        photos.showFirstWithPhotosUnlessChosen();
        assertEquals("Kitchen", photos.current().label(), "the first photo labelled: its room is shown, once");

        // the agent relabels the room's only photo: the room on screen is empty now, and more results come
        photos.changed(List.of(kitchen.withAgentLabel("Bedroom")));
        photos.added(List.of(PhotoReview.fromPrediction(
                Path.of("/shoot/b.jpg"),
                Prediction.of(ROOMS, new float[] {0.1f, 0.5f, 0.1f, 0.1f, 0.1f, 0.1f}),
                null)));
        photos.showFirstWithPhotosUnlessChosen();
        assertEquals("Kitchen", photos.current().label(), "the view does not jump to another room by itself");
    }

    @Test
    void aShootOpenedWithoutAnythingToClassifyShowsItsFirstRoomWithPhotos() {
        photos.build(ROOMS, ReviewRules.FIXED);
        photos.added(List.of(PhotoReview.fromPrediction(
                Path.of("/shoot/a.jpg"),
                Prediction.of(ROOMS, new float[] {0.1f, 0.1f, 0.5f, 0.1f, 0.1f, 0.1f}),
                null)));
        photos.showAtOpen(false);
        assertEquals("Bedroom", photos.current().label());
    }
}
