package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListingChecklistTest {

    @Test
    void theDefaultAsksForTheRoomsMostListingsShow() {
        assertEquals(
                List.of("Frontyard", "LivingRoom", "Kitchen", "Bedroom", "Bathroom"), ListingChecklist.DEFAULT.rooms());
        assertFalse(ListingChecklist.DEFAULT.rooms().contains("Backyard"));
    }

    @Test
    void eachRoomIsPresentOrMissing() {
        List<ListingChecklist.Item> items = ListingChecklist.DEFAULT.check(Map.of("Kitchen", 3, "Bedroom", 0));
        assertEquals(new ListingChecklist.Item("Kitchen", 3), items.get(2));
        assertTrue(items.get(2).present());
        assertFalse(items.get(3).present());
        assertEquals(
                List.of("Frontyard", "LivingRoom", "Bedroom", "Bathroom"),
                ListingChecklist.DEFAULT.missing(Map.of("Kitchen", 3)));
    }

    @Test
    void theAgentsChoiceSurvivesAFormatAndParseRoundTrip() {
        ListingChecklist mine = new ListingChecklist(List.of("Backyard", "Kitchen", "Kitchen"));
        assertEquals(List.of("Backyard", "Kitchen"), mine.rooms(), "no room twice");
        assertEquals(mine, ListingChecklist.parse(mine.format()));
        assertEquals(List.of(), ListingChecklist.parse("").rooms());
        assertEquals(List.of("Kitchen"), ListingChecklist.parse(" Kitchen , ,").rooms());
    }

    @Test
    void roomsTheModelDoesNotKnowAreLeftOut() {
        ListingChecklist mine = new ListingChecklist(List.of("Garage", "Kitchen"));
        assertEquals(List.of("Kitchen"), mine.knownTo(Photos.CLASSES).rooms());
    }
}
