package org.roomnet.core.listing;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export did: the folder, the photos written (in listing order), those skipped while exporting
 * (found unreadable or damaged: the others keep their names), and whether the agent cancelled (then
 * nothing was written at all).
 */
public record ListingResult(Path folder, List<ListingEntry> written, List<ListingPlan.Skipped> skipped,
                            boolean cancelled) {

    public ListingResult {
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
    }
}
