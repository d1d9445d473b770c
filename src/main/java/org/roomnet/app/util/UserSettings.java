package org.roomnet.app.util;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.roomnet.core.listing.ListingOrder;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.listing.NamePattern;
import org.roomnet.core.review.ListingChecklist;

/** The agent's settings kept between runs: the shoots opened lately, the listing checklist, the listing's room order and export choices. */
public final class UserSettings {

    /** How many shoots File > Open Recent lists. */
    public static final int RECENT_SHOOTS = 8;

    private static final String RECENT = "shoots.recent";
    private static final String CHECKLIST = "listing.rooms";
    private static final String ROOM_ORDER = "listing.order";
    private static final String PRESET = "listing.preset";
    private static final String NAMES = "listing.names";

    private final Preferences prefs;

    public UserSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The shoot folders opened lately, newest first. */
    public List<Path> recentShoots() {
        List<Path> shoots = new ArrayList<>();
        for (String line : prefs.get(RECENT, "").split("\n")) {
            try {
                if (!line.isBlank()) {
                    shoots.add(Path.of(line));
                }
            } catch (InvalidPathException ignored) {
                // a path of another system: skipped
            }
        }
        return shoots;
    }

    /** Puts {@code folder} first in the recent shoots; returns the new list. */
    public List<Path> addRecentShoot(Path folder) {
        List<Path> shoots = recentShoots();
        shoots.remove(folder);
        shoots.add(0, folder);
        List<Path> kept = shoots.subList(0, Math.min(RECENT_SHOOTS, shoots.size()));
        prefs.put(RECENT, String.join("\n", kept.stream().map(Path::toString).toList()));
        flush();
        return List.copyOf(kept);
    }

    public ListingChecklist listingChecklist() {
        String saved = prefs.get(CHECKLIST, null);
        return saved == null ? ListingChecklist.DEFAULT : ListingChecklist.parse(saved);
    }

    public void saveListingChecklist(ListingChecklist checklist) {
        prefs.put(CHECKLIST, checklist.format());
        flush();
    }

    /** The rooms in listing order. */
    public ListingOrder listingOrder() {
        String saved = prefs.get(ROOM_ORDER, null);
        return saved == null ? ListingOrder.DEFAULT : ListingOrder.parse(saved);
    }

    public void saveListingOrder(ListingOrder order) {
        prefs.put(ROOM_ORDER, order.format());
        flush();
    }

    /** The preset and name pattern of the last export for a listing. */
    public ListingPreset listingPreset() {
        try {
            return ListingPreset.of(prefs.get(PRESET, ListingPreset.MLS.id()));
        } catch (IllegalArgumentException e) {
            return ListingPreset.MLS;
        }
    }

    public String namePattern() {
        return prefs.get(NAMES, NamePattern.DEFAULT);
    }

    public void saveListingExport(ListingPreset preset, NamePattern names) {
        prefs.put(PRESET, preset.id());
        prefs.put(NAMES, names.pattern());
        flush();
    }

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException ignored) {
            // settings are a convenience
        }
    }
}
