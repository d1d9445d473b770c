package org.roomnet.app.photos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewRules;

class SelectionAndOrderTest {

    private static PhotoItem item(String name, float confidence) {
        return new PhotoItem(
                new PhotoReview(Path.of("/s", name), "Kitchen", confidence, List.of(), "Bedroom", 0f, null, null, null),
                ReviewRules.FIXED);
    }

    private final PhotoItem a = item("a.jpg", 0.5f);
    private final PhotoItem b = item("b.jpg", 0.9f);
    private final PhotoItem c = item("c.jpg", 0.2f);
    private final PhotoItem d = item("d.jpg", 0.7f);
    private final List<PhotoItem> shown = List.of(a, b, c, d);

    @Test
    void theNextPhotoIsTheOneAfterTheSelectionElseTheOneBefore() {
        assertEquals(b, PhotoGroups.nextAfter(shown, List.of(a)));
        assertEquals(d, PhotoGroups.nextAfter(shown, List.of(b, c)));
        assertEquals(c, PhotoGroups.nextAfter(shown, List.of(d)));
        assertNull(PhotoGroups.nextAfter(List.of(a), List.of(a)));
    }

    @Test
    void clickCtrlClickAndShiftClickSelect() {
        Selection s = new Selection();
        s.selectOnly(b);
        s.toggle(d);
        assertEquals(List.of(b, d), s.items());
        assertTrue(d.isSelected());
        s.toggle(d);
        assertEquals(List.of(b), s.items());
        s.selectOnly(a);
        s.extendTo(c, shown);
        assertEquals(List.of(a, b, c), s.items());
        s.retainShown(List.of(a, c));
        assertEquals(List.of(a, c), s.items());
        assertEquals(false, b.isSelected());
        s.clear();
        assertEquals(0, s.sizeProperty().get());
    }

    @Test
    void photosSortByNaturalNameOrConfidence() {
        List<PhotoItem> named = new ArrayList<>(Stream.of("IMG_10.jpg", "img_2.jpg", "IMG_1.jpg", "IMG_02b.jpg")
                .map(n -> item(n, 0.5f))
                .toList());
        named.sort(PhotoOrder.NAME.comparator());
        assertEquals(
                List.of("IMG_1.jpg", "img_2.jpg", "IMG_02b.jpg", "IMG_10.jpg"),
                named.stream().map(PhotoItem::fileName).toList());
        List<PhotoItem> byConfidence = new ArrayList<>(shown);
        byConfidence.sort(PhotoOrder.CONFIDENCE_LOW_FIRST.comparator());
        assertEquals(List.of(c, a, d, b), byConfidence);
        byConfidence.sort(PhotoOrder.CONFIDENCE_HIGH_FIRST.comparator());
        assertEquals(List.of(b, d, a, c), byConfidence);
    }
}
