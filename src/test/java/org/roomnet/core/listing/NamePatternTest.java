package org.roomnet.core.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roomnet.core.review.Photos;
import org.roomnet.core.review.Review;

class NamePatternTest {

    private static final Path DIR = Path.of("/shoot");

    @Test
    void theDefaultNamesPositionAndRoomAndCountsARoomsLaterPhotos() {
        Review r = new Review(DIR, Photos.CLASSES);
        r.addAll(List.of(
                Photos.sure(DIR.resolve("a.jpg"), "Frontyard"),
                Photos.sure(DIR.resolve("b.jpg"), "LivingRoom"),
                Photos.sure(DIR.resolve("c.jpg"), "LivingRoom"),
                Photos.sure(DIR.resolve("d.jpg"), "Kitchen")));
        ListingPlan plan = ListingPlan.of(
                r.photos(),
                ListingOrder.DEFAULT,
                ListingPreset.WEB,
                NamePattern.defaultPattern(),
                p -> Optional.empty(),
                "12-main-st");
        assertEquals(
                List.of("01-frontyard.jpg", "02-livingroom.jpg", "03-livingroom-2.jpg", "04-kitchen.jpg"),
                plan.entries().stream().map(ListingEntry::name).toList());
    }

    @Test
    void positionsArePaddedToTheCountsWidthSoNameOrderIsListingOrder() {
        NamePattern p = NamePattern.defaultPattern();
        assertEquals("007-kitchen-3.jpg", p.name(7, 120, "Kitchen", 3, "x.jpg", "s"));
        assertEquals("01-kitchen.jpg", p.name(1, 9, "Kitchen", 1, "x.jpg", "s"));
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            names.add(p.name(i, 120, "Bedroom", i, "x.jpg", "s"));
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String::compareTo);
        assertEquals(names, sorted);
    }

    @Test
    void otherFieldsAndUnsafeCharacters() {
        NamePattern p = new NamePattern("{shoot}_{n}_{room}{k}_{name}");
        assertEquals(
                "12 Main_St_03_bathroom2_IMG_0001.jpg", p.name(3, 10, "Bathroom", 2, "IMG_0001.JPG", "12 Main/St"));
        String longName = "x".repeat(400) + ".jpg";
        String name = new NamePattern("{name}-{n}").name(1, 2, "Kitchen", 1, longName, "s");
        assertTrue(name.endsWith("-01.jpg") && name.getBytes().length <= 255, name);
    }

    @Test
    void aPatternWithoutPositionOrWithAPathOrUnknownFieldIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NamePattern("{room}"));
        assertThrows(IllegalArgumentException.class, () -> new NamePattern("sub/{n}"));
        assertThrows(IllegalArgumentException.class, () -> new NamePattern("{n}-{rooom}"));
    }
}
