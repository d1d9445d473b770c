package org.roomnet.core.listing;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a portal takes: the longest side in pixels (0: the photo's own size), the JPEG quality of a
 * re-encoded photo, and the most photos a listing may have (0: no limit).
 * {@link #ORIGINAL} re-encodes nothing it does not have to: a JPEG is copied with its image data
 * untouched, only its metadata filtered (so the orientation stays a tag); other formats become a
 * JPEG at full size.
 */
public enum ListingPreset {
    MLS(2048, 85, 50, "MLS: long side 2048 px, JPEG quality 85, at most 50 photos"),
    WEB(1024, 85, 0, "web: long side 1024 px, JPEG quality 85"),
    ORIGINAL(0, 95, 0, "original size: a renamed copy (other formats than JPEG saved as JPEG, quality 95)");

    private final int longSide;
    private final int quality;
    private final int maxPhotos;
    private final String description;

    ListingPreset(int longSide, int quality, int maxPhotos, String description) {
        this.longSide = longSide;
        this.quality = quality;
        this.maxPhotos = maxPhotos;
        this.description = description;
    }

    public int longSide() {
        return longSide;
    }

    public boolean resizes() {
        return longSide > 0;
    }

    /** JPEG quality, 0-100. */
    public int quality() {
        return quality;
    }

    public int maxPhotos() {
        return maxPhotos;
    }

    public String description() {
        return description;
    }

    /** The name on the command line: "mls", "web", "original". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ListingPreset of(String id) {
        return Arrays.stream(values())
                .filter(p -> p.id().equalsIgnoreCase(id.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset '" + id + "'; choose mls, web or original"));
    }
}
