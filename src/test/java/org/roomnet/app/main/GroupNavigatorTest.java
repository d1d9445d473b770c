package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.task.CurrentThreadExecutor;
import org.roomnet.core.review.ListingMark;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.Photos;
import org.roomnet.core.review.ReviewRules;

/**
 * Needs review as one queue (issue 19): the photos of every room that need review, room by room; N / Shift+N
 * through them from any room; the keys that switch rooms. Photos with chosen scores, no window.
 */
class GroupNavigatorTest {

    private final PhotoGroups photos = new PhotoGroups(new CurrentThreadExecutor(), 64);
    private final StatusModel status = new StatusModel();
    private final GroupNavigator navigator = new GroupNavigator(photos, status);
    private PhotoGroup queue;

    /** Flagged (30 %): b1, d1, k2, k3; sure (90 %): b2, t1 (Bathroom), k1. */
    @BeforeEach
    void shoot() {
        photos.build(Photos.CLASSES, ReviewRules.FIXED);
        photos.added(List.of(
                unsure("k3.jpg", "Kitchen"),
                sure("k1.jpg", "Kitchen"),
                unsure("b1.jpg", "Backyard"),
                sure("b2.jpg", "Backyard"),
                sure("t1.jpg", "Bathroom"),
                unsure("d1.jpg", "Bedroom"),
                unsure("k2.jpg", "Kitchen")));
        queue = photos.reviewQueueProperty().get();
    }

    @AfterEach
    void close() {
        photos.close();
    }

    private static PhotoReview unsure(String name, String room) {
        return Photos.photo(Path.of("/s", name), room, 0.3f, 0.25f);
    }

    private static PhotoReview sure(String name, String room) {
        return Photos.sure(Path.of("/s", name), room);
    }

    private PhotoItem item(String name) {
        return photos.item(Path.of("/s", name)).orElseThrow();
    }

    private PhotoGroup room(String label) {
        return photos.group(label).orElseThrow();
    }

    private List<String> queued() {
        return queue.shown().stream().map(PhotoItem::fileName).toList();
    }

    @Test
    void needsReviewHoldsTheFlaggedPhotosOfEveryRoomRoomByRoom() {
        assertEquals(List.of("b1.jpg", "d1.jpg", "k2.jpg", "k3.jpg"), queued(), "in side-bar order, then by name");
        assertEquals(4, queue.reviewCountProperty().get());
    }

    @Test
    void aLabelledOrConfirmedPhotoLeavesTheQueueAndTheCountsFall() {
        photos.changed(List.of(item("k2.jpg").review().withAgentLabel("Bedroom")));
        assertEquals(List.of("b1.jpg", "d1.jpg", "k3.jpg"), queued(), "corrected: reviewed");
        assertEquals(3, queue.reviewCountProperty().get());
        assertEquals(1, room("Kitchen").reviewCountProperty().get());
        photos.changed(List.of(item("b1.jpg").review().withAgentLabel("Backyard")));
        assertEquals(List.of("d1.jpg", "k3.jpg"), queued(), "confirmed: reviewed");
        assertEquals(2, queue.reviewCountProperty().get());
        assertEquals(0, room("Backyard").reviewCountProperty().get());
    }

    @Test
    void aRejectedPhotoIsNeitherQueuedNorCountedInItsRoom() {
        assertEquals(1, room("Bedroom").reviewCountProperty().get());
        PhotoReview d1 = item("d1.jpg").review();
        photos.changed(List.of(d1.withListing(ListingMark.NONE.withRejected(true))));
        assertEquals(List.of("b1.jpg", "k2.jpg", "k3.jpg"), queued());
        assertEquals(3, queue.reviewCountProperty().get());
        assertEquals(0, room("Bedroom").reviewCountProperty().get(), "the room's orange badge leaves it out");
        photos.changed(List.of(d1));
        assertEquals(4, queue.reviewCountProperty().get(), "taken back: it needs review again");
    }

    @Test
    void nextGoesThroughTheFlaggedPhotosRoomAfterRoomAndRound() {
        photos.choose(room("Backyard"));
        List<String> seen = new java.util.ArrayList<>();
        List<String> rooms = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PhotoItem next = navigator.nextFlagged(true);
            seen.add(next.fileName());
            rooms.add(photos.current().label());
            assertSame(next, photos.selection().anchor());
            assertTrue(photos.current().shown().contains(next), "its room is on screen");
        }
        assertEquals(List.of("b1.jpg", "d1.jpg", "k2.jpg", "k3.jpg", "b1.jpg"), seen);
        assertEquals(List.of("Backyard", "Bedroom", "Kitchen", "Kitchen", "Backyard"), rooms, "Bathroom has none");
        assertTrue(
                status.messageProperty().get().contains("back to the first"),
                status.messageProperty().get());
        assertEquals("k3.jpg", navigator.nextFlagged(false).fileName(), "Shift+N from the first: round to the last");
        assertEquals("Kitchen", photos.current().label());
        assertTrue(
                status.messageProperty().get().startsWith("k3.jpg (Kitchen): 4 of 4"),
                status.messageProperty().get());
        assertEquals("k2.jpg", navigator.nextFlagged(false).fileName());
    }

    @Test
    void nextStartsAfterTheSelectedPhotoOrAtTheTopOfTheRoomOnScreen() {
        photos.choose(room("Kitchen"));
        photos.selection().selectOnly(item("k1.jpg"));
        assertEquals("k2.jpg", navigator.nextFlagged(true).fileName(), "after k1, a sure photo");
        photos.choose(room("Bathroom"));
        assertEquals("d1.jpg", navigator.nextFlagged(true).fileName(), "nothing selected: the rooms below");
        photos.choose(room("Bathroom"));
        assertEquals("b1.jpg", navigator.nextFlagged(false).fileName(), "Shift+N: the rooms above");
        photos.choose(photos.listingProperty().get());
        assertEquals("b1.jpg", navigator.nextFlagged(true).fileName(), "from the listing: the first");
        assertEquals("Backyard", photos.current().label());
    }

    @Test
    void inNeedsReviewTheSelectionStepsThereAndStaysThere() {
        photos.choose(queue);
        assertEquals("b1.jpg", navigator.nextFlagged(true).fileName());
        assertEquals("d1.jpg", navigator.nextFlagged(true).fileName());
        assertSame(queue, photos.current());
        assertEquals("b1.jpg", navigator.nextFlagged(false).fileName());
        assertSame(queue, photos.current());
    }

    @Test
    void withNothingToReviewTheKeySaysSoAndMovesNothing() {
        photos.changed(queue.shown().stream()
                .map(i -> i.review().withAgentLabel(i.review().finalLabel()))
                .toList());
        photos.choose(room("Kitchen"));
        photos.selection().selectOnly(item("k1.jpg"));
        assertNull(navigator.nextFlagged(true));
        assertEquals("No photo needs review.", status.messageProperty().get());
        assertSame(item("k1.jpg"), photos.selection().anchor());
        assertEquals("Kitchen", photos.current().label());
    }

    @Test
    void roomKeysShowARoomByItsNumberAndStepThroughTheSideBar() {
        assertTrue(navigator.showRoom(3));
        assertEquals("Bedroom", photos.current().label());
        assertTrue(navigator.showRoom(0));
        assertSame(queue, photos.current());
        assertFalse(navigator.showRoom(7), "six room types");
        assertFalse(navigator.step(-1), "Needs review is the top entry");
        assertTrue(navigator.step(1));
        assertEquals("Backyard", photos.current().label());
        assertTrue(navigator.step(-1));
        assertSame(queue, photos.current());
        List<PhotoGroup> entries = navigator.entries();
        assertEquals(1 + Photos.CLASSES.size() + 1, entries.size(), "no unreadable file: no entry for them");
        assertSame(photos.listingProperty().get(), entries.get(entries.size() - 1));
        photos.choose(room("LivingRoom"));
        assertTrue(navigator.step(1));
        assertTrue(photos.isListing(photos.current()));
        assertFalse(navigator.step(1), "the listing is the last");
    }
}
