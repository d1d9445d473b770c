package org.roomnet.app.util;

import org.roomnet.core.review.ListingChecklist;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The agent's settings kept between runs: the shoots opened lately and the listing checklist. */
public final class UserSettings {

    /** How many shoots File > Open Recent lists. */
    public static final int RECENT_SHOOTS = 8;
    private static final String RECENT = "shoots.recent";
    private static final String CHECKLIST = "listing.rooms";

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

    private void flush() {
        try {
            prefs.flush();
        } catch (BackingStoreException ignored) {
            // settings are a convenience
        }
    }
}
