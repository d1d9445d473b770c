package org.roomnet.core.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roomnet.core.review.ListingMark;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.Photos;
import org.roomnet.core.review.Review;

class ListingOrderTest {

    private static final Path DIR = Path.of("/shoot");
    private final Map<Path, LocalDateTime> times = new HashMap<>();

    private static Path f(String name) {
        return DIR.resolve(name);
    }

    private List<String> names(List<PhotoReview> photos) {
        return photos.stream().map(PhotoReview::fileName).toList();
    }

    private List<String> arrange(Review review) {
        return names(ListingOrder.DEFAULT.arrange(review.photos(), p -> Optional.ofNullable(times.get(p))));
    }

    private Review review(PhotoReview... photos) {
        Review r = new Review(DIR, Photos.CLASSES);
        r.addAll(List.of(photos));
        return r;
    }

    @Test
    void roomsComeInTheDefaultOrderThenByCaptureTimeThenByName() {
        Review r = review(
                Photos.sure(f("a.jpg"), "Kitchen"),
                Photos.sure(f("b.jpg"), "Backyard"),
                Photos.sure(f("c.jpg"), "Frontyard"),
                Photos.sure(f("d.jpg"), "LivingRoom"),
                Photos.sure(f("k2.jpg"), "Kitchen"),
                Photos.sure(f("k1.jpg"), "Kitchen"),
                Photos.sure(f("e.jpg"), "Bathroom"),
                Photos.sure(f("g.jpg"), "Bedroom"));
        times.put(f("k2.jpg"), LocalDateTime.of(2024, 5, 1, 10, 0));
        times.put(f("k1.jpg"), LocalDateTime.of(2024, 5, 1, 10, 5));
        // k2 before k1 (earlier capture), both before a.jpg, which has no capture time
        assertEquals(List.of("c.jpg", "d.jpg", "k2.jpg", "k1.jpg", "a.jpg", "g.jpg", "e.jpg", "b.jpg"), arrange(r));
    }

    @Test
    void theCoverComesFirstAndRejectedAndUnreadablePhotosHaveNoPlace() {
        Review r = review(
                Photos.sure(f("front.jpg"), "Frontyard"),
                Photos.sure(f("kitchen.jpg"), "Kitchen"),
                Photos.sure(f("bad.jpg"), "Bedroom"),
                PhotoReview.unreadable(f("x.jpg"), "corrupt"));
        assertTrue(r.toggleCover(f("kitchen.jpg")));
        assertTrue(r.toggleRejected(List.of(f("bad.jpg"), f("x.jpg"))));
        assertEquals(List.of("kitchen.jpg", "front.jpg"), arrange(r));
    }

    @Test
    void aConfiguredRoomOrderWinsAndRoomsOutsideItFollow() {
        Review r = review(
                Photos.sure(f("a.jpg"), "Kitchen"),
                Photos.sure(f("b.jpg"), "Frontyard"),
                Photos.sure(f("c.jpg"), "Bathroom"));
        ListingOrder kitchenFirst = ListingOrder.parse("Kitchen, Bathroom");
        assertEquals(
                List.of("a.jpg", "c.jpg", "b.jpg"), names(kitchenFirst.arrange(r.photos(), p -> Optional.empty())));
        assertEquals("Kitchen,Bathroom", kitchenFirst.format());
    }

    @Test
    void theAgentsOrderHoldsAndNewOrRelabelledPhotosJoinTheirRoom() {
        Review r = review(
                Photos.sure(f("f.jpg"), "Frontyard"),
                Photos.sure(f("l1.jpg"), "LivingRoom"),
                Photos.sure(f("l2.jpg"), "LivingRoom"),
                Photos.sure(f("k.jpg"), "Kitchen"));
        // the agent drags the kitchen photo to the front
        assertTrue(r.arrangeListing(List.of(f("k.jpg"), f("f.jpg"), f("l1.jpg"), f("l2.jpg"))));
        assertEquals(List.of("k.jpg", "f.jpg", "l1.jpg", "l2.jpg"), arrange(r));
        // a photo new to the shoot lands after the photo before it in the automatic order
        r.add(Photos.sure(f("l3.jpg"), "LivingRoom"));
        assertEquals(List.of("k.jpg", "f.jpg", "l1.jpg", "l2.jpg", "l3.jpg"), arrange(r));
        // relabelled: it leaves its place and joins the kitchen
        r.relabel(List.of(f("l1.jpg")), "Kitchen");
        assertEquals(0, r.get(f("l1.jpg")).orElseThrow().listing().rank());
        assertEquals(List.of("k.jpg", "l1.jpg", "f.jpg", "l2.jpg", "l3.jpg"), arrange(r));
        // a confirmation (its own room) keeps the place
        r.relabel(List.of(f("f.jpg")), "Frontyard");
        assertEquals(2, r.get(f("f.jpg")).orElseThrow().listing().rank());
        // undo puts the old order back
        r.undo();
        r.undo();
        assertEquals(List.of("k.jpg", "f.jpg", "l1.jpg", "l2.jpg", "l3.jpg"), arrange(r));
    }

    @Test
    void movingKeepsTheCoverFirst() {
        List<Path> order = List.of(f("c"), f("a"), f("b"), f("d"));
        assertEquals(List.of(f("c"), f("d"), f("a"), f("b")), ListingOrder.move(order, List.of(f("d")), 0, f("c")));
        assertEquals(List.of(f("d"), f("c"), f("a"), f("b")), ListingOrder.move(order, List.of(f("d")), 0, null));
        assertEquals(List.of(f("c"), f("b"), f("a"), f("d")), ListingOrder.move(order, List.of(f("a")), 3, f("c")));
        assertEquals(List.of(f("c"), f("b"), f("d"), f("a")), ListingOrder.move(order, List.of(f("a")), 4, f("c")));
        // the cover itself is not dragged away from the front
        assertEquals(order, ListingOrder.move(order, List.of(f("c")), 3, f("c")));
    }

    @Test
    void captureTimesAreReadFromExifWithSubSeconds() {
        assertEquals(
                Optional.of(LocalDateTime.of(2024, 5, 1, 10, 15, 30, 250_000_000)),
                CaptureTime.parse("2024:05:01 10:15:30", "25"));
        assertEquals(
                Optional.of(LocalDateTime.of(2024, 5, 1, 10, 15, 30)), CaptureTime.parse("2024:05:01 10:15:30", null));
        assertEquals(Optional.empty(), CaptureTime.parse("0000:00:00 00:00:00", null));
        assertEquals(Optional.empty(), CaptureTime.parse(null, null));
    }

    @Test
    void rejectedCoverIsNoLongerTheCoverAndAListingMarkIsConsistent() {
        ListingMark cover = ListingMark.NONE.withCover(true);
        assertEquals(new ListingMark(true, false, 0), cover.withRejected(true));
        assertEquals(new ListingMark(false, true, 0), cover.withRejected(true).withCover(true));
    }

    // Issue 15: the default order knows model v3's rooms; floor plans go last, unknown rooms before them.

    private static PhotoReview nine(String file, String label) {
        List<String> classes = org.roomnet.testing.TinyOnnx.NINE;
        float[] scores = new float[classes.size()];
        java.util.Arrays.fill(scores, 0.01f);
        scores[classes.indexOf(label)] = 0.92f;
        return PhotoReview.fromPrediction(f(file), org.roomnet.core.classify.Prediction.of(classes, scores), null);
    }

    @Test
    void theDefaultOrderPlacesDiningRoomAfterTheLivingRoomAndFloorPlansLast() {
        Review r = new Review(DIR, org.roomnet.testing.TinyOnnx.NINE);
        r.addAll(List.of(
                nine("plan.jpg", "FloorPlan"),
                nine("other.jpg", "Other"),
                nine("back.jpg", "Backyard"),
                nine("dining.jpg", "DiningRoom"),
                nine("kitchen.jpg", "Kitchen"),
                nine("living.jpg", "LivingRoom"),
                nine("front.jpg", "Frontyard"),
                nine("bed.jpg", "Bedroom"),
                nine("bath.jpg", "Bathroom")));
        assertEquals(
                List.of(
                        "front.jpg",
                        "living.jpg",
                        "dining.jpg",
                        "kitchen.jpg",
                        "bed.jpg",
                        "bath.jpg",
                        "back.jpg",
                        "other.jpg",
                        "plan.jpg"),
                arrange(r));
    }

    @Test
    void roomTypesTheOrderDoesNotNameGoAfterTheKnownRoomsButBeforeTheFloorPlan() {
        List<String> classes = List.of("Kitchen", "FloorPlan", "WineCellar", "Garage");
        Review r = new Review(DIR, classes);
        java.util.function.BiFunction<String, String, PhotoReview> photo = (file, label) -> {
            float[] scores = {0.1f, 0.1f, 0.1f, 0.1f};
            scores[classes.indexOf(label)] = 0.7f;
            return PhotoReview.fromPrediction(f(file), org.roomnet.core.classify.Prediction.of(classes, scores), null);
        };
        r.addAll(List.of(
                photo.apply("plan.jpg", "FloorPlan"),
                photo.apply("garage.jpg", "Garage"),
                photo.apply("kitchen.jpg", "Kitchen"),
                photo.apply("cellar.jpg", "WineCellar")));
        assertEquals(List.of("kitchen.jpg", "garage.jpg", "cellar.jpg", "plan.jpg"), arrange(r));
        // an order of the agent's that does not end with FloorPlan keeps the old rule: the rest in the order met
        assertEquals(
                List.of("cellar.jpg", "kitchen.jpg", "plan.jpg", "garage.jpg"),
                names(ListingOrder.parse("WineCellar,Kitchen").arrange(r.photos(), p -> Optional.empty())));
    }

    @Test
    void aFloorPlanIsExportedAsNnFloorplan() {
        Review r = new Review(DIR, org.roomnet.testing.TinyOnnx.NINE);
        r.addAll(List.of(
                nine("plan.jpg", "FloorPlan"), nine("front.jpg", "Frontyard"), nine("dining.jpg", "DiningRoom")));
        ListingPlan plan = ListingPlan.of(
                r.photos(),
                ListingOrder.DEFAULT,
                ListingPreset.WEB,
                NamePattern.defaultPattern(),
                p -> Optional.empty(),
                "shoot");
        assertEquals(
                List.of("01-frontyard.jpg", "02-diningroom.jpg", "03-floorplan.jpg"),
                plan.entries().stream().map(ListingEntry::name).toList());
    }
}
