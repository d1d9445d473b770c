package org.roomnet.core.listing;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.roomnet.core.review.PhotoReview;

/**
 * The order of a listing: the cover first; then room by room in {@code rooms} order (room types not in
 * it follow, in the order first met, but before {@value #FLOOR_PLAN} when the order ends with it: portals
 * show floor plans last); inside a room by capture time (photos with one first, oldest
 * first), then by file name. Once the agent has arranged the listing by hand (photos with a rank), the
 * ranked photos keep the agent's order, and each photo without a rank (new, relabelled, taken back)
 * comes right after the ranked photo that precedes it in the automatic order, so it lands among its
 * room's photos. Rejected and unreadable photos have no place.
 */
public record ListingOrder(List<String> rooms) {

    /** The room type portals want last; room types missing from an order ending with it go before it. */
    public static final String FLOOR_PLAN = "FloorPlan";
    /** The default order, as {@link #format()} writes it: a model's room types it does not name go before FloorPlan. */
    public static final String DEFAULT_ROOMS =
            "Frontyard,LivingRoom,DiningRoom,Kitchen,Bedroom,Bathroom,Backyard,Other," + FLOOR_PLAN;

    public static final ListingOrder DEFAULT = parse(DEFAULT_ROOMS);

    public ListingOrder {
        rooms = List.copyOf(new LinkedHashSet<>(rooms));
    }

    /** "Frontyard,LivingRoom,...", as {@link #format()} writes it; blanks dropped. */
    public static ListingOrder parse(String text) {
        return new ListingOrder(java.util.Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList());
    }

    public String format() {
        return String.join(",", rooms);
    }

    /** The listable photos of {@code photos} in listing order; {@code times} gives capture times. */
    public List<PhotoReview> arrange(List<PhotoReview> photos, Function<Path, Optional<LocalDateTime>> times) {
        List<PhotoReview> listable =
                photos.stream().filter(PhotoReview::isListable).toList();
        List<PhotoReview> automatic = new ArrayList<>(listable);
        automatic.sort(automaticOrder(listable, times));
        List<PhotoReview> result = new ArrayList<>(listable.size());
        listable.stream().filter(p -> p.listing().cover()).findFirst().ifPresent(result::add);
        List<PhotoReview> ranked = automatic.stream()
                .filter(p -> !p.listing().cover() && p.listing().rank() > 0)
                .sorted(Comparator.comparingInt((PhotoReview p) -> p.listing().rank()))
                .toList();
        // each unranked photo follows the ranked photo before it in the automatic order (null: the start)
        Map<Path, List<PhotoReview>> followers = new HashMap<>();
        PhotoReview lastRanked = null;
        for (PhotoReview p : automatic) {
            if (p.listing().cover()) {
                continue;
            }
            if (p.listing().rank() > 0) {
                lastRanked = p;
            } else {
                followers
                        .computeIfAbsent(lastRanked == null ? null : lastRanked.file(), k -> new ArrayList<>())
                        .add(p);
            }
        }
        result.addAll(followers.getOrDefault(null, List.of()));
        for (PhotoReview r : ranked) {
            result.add(r);
            result.addAll(followers.getOrDefault(r.file(), List.of()));
        }
        return result;
    }

    private Comparator<PhotoReview> automaticOrder(
            List<PhotoReview> photos, Function<Path, Optional<LocalDateTime>> times) {
        Map<String, Integer> roomIndex = new HashMap<>();
        boolean floorPlanLast = !rooms.isEmpty() && rooms.get(rooms.size() - 1).equals(FLOOR_PLAN);
        (floorPlanLast ? rooms.subList(0, rooms.size() - 1) : rooms).forEach(r -> roomIndex.put(r, roomIndex.size()));
        for (PhotoReview p : photos) {
            if (!(floorPlanLast && p.finalLabel().equals(FLOOR_PLAN))) {
                roomIndex.putIfAbsent(p.finalLabel(), roomIndex.size());
            }
        }
        if (floorPlanLast) {
            roomIndex.put(FLOOR_PLAN, roomIndex.size());
        }
        Map<Path, Optional<LocalDateTime>> captured = new HashMap<>();
        photos.forEach(p -> captured.put(p.file(), times.apply(p.file())));
        Comparator<PhotoReview> byRoom = Comparator.comparingInt(p -> roomIndex.get(p.finalLabel()));
        return byRoom.thenComparing(p -> captured.get(p.file()).isEmpty())
                .thenComparing(p -> captured.get(p.file()).orElse(LocalDateTime.MIN))
                .thenComparing(PhotoReview::fileName)
                .thenComparing(PhotoReview::file);
    }

    /**
     * The order after the agent drags {@code moved} to {@code index} of {@code order} (the index in the
     * order as it was, the dragged photos still in it). The cover stays first: nothing lands before it.
     */
    public static List<Path> move(List<Path> order, List<Path> moved, int index, Path cover) {
        List<Path> dragged = moved.stream()
                .filter(order::contains)
                .filter(m -> !m.equals(cover))
                .distinct()
                .toList();
        int at = Math.max(0, Math.min(index, order.size()));
        at -= (int) dragged.stream().filter(m -> order.indexOf(m) < index).count();
        List<Path> result = new ArrayList<>(order);
        result.removeAll(dragged);
        at = Math.max(0, Math.min(at, result.size()));
        if (cover != null && !result.isEmpty() && result.get(0).equals(cover)) {
            at = Math.max(1, at);
        }
        result.addAll(at, dragged);
        return result;
    }
}
