package org.roomnet.core.listing;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.roomnet.core.review.PhotoReview;

/**
 * What an export will write, said before anything is written: the photos in listing order with their
 * new names ({@code entries}), those past the preset's cap ({@code cut}, in order, without a name: the
 * agent is warned before they are left out), the rejected photos (position 0, no name), and the files
 * that cannot go (unreadable or damaged, with the reason).
 */
public record ListingPlan(
        ListingPreset preset,
        List<ListingEntry> entries,
        List<ListingEntry> cut,
        List<ListingEntry> rejected,
        List<Skipped> unusable) {

    /** A file left out of the export, and why. */
    public record Skipped(Path file, String reason) {}

    public ListingPlan {
        entries = List.copyOf(entries);
        cut = List.copyOf(cut);
        rejected = List.copyOf(rejected);
        unusable = List.copyOf(unusable);
    }

    /**
     * @param photos the review's photos as they stand
     * @param times  capture times (the automatic order inside a room)
     * @param shoot  the shoot folder's name, for {shoot}
     */
    public static ListingPlan of(
            List<PhotoReview> photos,
            ListingOrder order,
            ListingPreset preset,
            NamePattern names,
            Function<Path, Optional<LocalDateTime>> times,
            String shoot) {
        List<PhotoReview> arranged = order.arrange(photos, times);
        int total = preset.maxPhotos() > 0 ? Math.min(preset.maxPhotos(), arranged.size()) : arranged.size();
        Map<String, Integer> perRoom = new HashMap<>();
        List<ListingEntry> entries = new ArrayList<>(total);
        List<ListingEntry> cut = new ArrayList<>();
        for (int i = 0; i < arranged.size(); i++) {
            PhotoReview p = arranged.get(i);
            int position = i + 1;
            if (position <= total) {
                int k = perRoom.merge(p.finalLabel(), 1, Integer::sum);
                entries.add(new ListingEntry(
                        position,
                        p.file(),
                        p.finalLabel(),
                        names.name(position, total, p.finalLabel(), k, p.fileName(), shoot),
                        p.listing().cover()));
            } else {
                cut.add(new ListingEntry(
                        position, p.file(), p.finalLabel(), "", p.listing().cover()));
            }
        }
        List<ListingEntry> rejected = photos.stream()
                .filter(p -> p.isReadable() && p.listing().rejected())
                .map(p -> new ListingEntry(0, p.file(), p.finalLabel(), "", false))
                .sorted(java.util.Comparator.comparing(ListingEntry::source))
                .toList();
        List<Skipped> unusable = photos.stream()
                .filter(p -> !p.isReadable())
                .map(p -> new Skipped(p.file(), p.error()))
                .sorted(java.util.Comparator.comparing(Skipped::file))
                .toList();
        return new ListingPlan(preset, entries, cut, rejected, unusable);
    }

    /** The preset's cap leaves photos out. */
    public boolean cuts() {
        return !cut.isEmpty();
    }

    /** "The MLS preset takes at most 50 photos: the listing has 53, so the last 3 are left out: …" */
    public String cutWarning() {
        if (cut.isEmpty()) {
            return "";
        }
        int all = entries.size() + cut.size();
        return String.format(
                "The %s preset takes at most %d photos: the listing has %d, so the last %d %s left out "
                        + "(%s). Reject photos, or drag the ones you want into the first %d.",
                preset.id(),
                preset.maxPhotos(),
                all,
                cut.size(),
                cut.size() == 1 ? "is" : "are",
                String.join(
                        ", ",
                        cut.stream()
                                .map(e -> e.source().getFileName().toString())
                                .toList()),
                preset.maxPhotos());
    }
}
