package org.roomnet.core.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The rooms a listing needs a photo of, and whether a shoot has one of each. The agent can change
 * the rooms (in the app's preferences); {@link #DEFAULT} is what most listings show.
 */
public record ListingChecklist(List<String> rooms) {

    public static final ListingChecklist DEFAULT =
            new ListingChecklist(List.of("Frontyard", "LivingRoom", "Kitchen", "Bedroom", "Bathroom"));

    /** One room of the checklist: how many photos the shoot has of it. */
    public record Item(String room, int photos) {
        public boolean present() {
            return photos > 0;
        }
    }

    public ListingChecklist {
        rooms = List.copyOf(new LinkedHashSet<>(rooms));
    }

    /** The rooms as one line, for preferences: "Frontyard,LivingRoom". */
    public String format() {
        return String.join(",", rooms);
    }

    /** Reads {@link #format()}; blank entries are dropped. */
    public static ListingChecklist parse(String text) {
        return new ListingChecklist(Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
    }

    /** The same checklist without the rooms the model does not know (a list saved for another model). */
    public ListingChecklist knownTo(List<String> classNames) {
        return new ListingChecklist(rooms.stream().filter(classNames::contains).toList());
    }

    /** Each room of the checklist with its count in {@code photosPerRoom} (missing counts as none). */
    public List<Item> check(Map<String, Integer> photosPerRoom) {
        List<Item> items = new ArrayList<>(rooms.size());
        for (String room : rooms) {
            items.add(new Item(room, photosPerRoom.getOrDefault(room, 0)));
        }
        return items;
    }

    /** The rooms of the checklist the shoot has no photo of. */
    public List<String> missing(Map<String, Integer> photosPerRoom) {
        return check(photosPerRoom).stream()
                .filter(i -> !i.present())
                .map(Item::room)
                .toList();
    }
}
