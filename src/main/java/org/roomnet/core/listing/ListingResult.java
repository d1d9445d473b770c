package org.roomnet.core.listing;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export did: the folder, the photos written (in listing order), those skipped while exporting
 * (found unreadable or damaged: the others keep their names), whether the agent cancelled (then
 * nothing was written at all), and notes for the user (what a stopped earlier export left, removed).
 */
public record ListingResult(
        Path folder,
        List<ListingEntry> written,
        List<ListingPlan.Skipped> skipped,
        boolean cancelled,
        List<String> notes) {

    public ListingResult {
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    public ListingResult(
            Path folder, List<ListingEntry> written, List<ListingPlan.Skipped> skipped, boolean cancelled) {
        this(folder, written, skipped, cancelled, List.of());
    }
}
