package org.roomnet.core.review;

/**
 * A photo's place in the listing as the agent set it: rejected (left out of the export and the
 * checklist), the cover (always first), and {@code rank}, its position in the order the agent arranged
 * by dragging (1-based; 0 while the photo follows the automatic order). A rejected photo is never the
 * cover.
 */
public record ListingMark(boolean rejected, boolean cover, int rank) {

    public static final ListingMark NONE = new ListingMark(false, false, 0);

    public ListingMark {
        if (rejected && cover) {
            throw new IllegalArgumentException("a rejected photo cannot be the cover");
        }
        if (rank < 0) {
            throw new IllegalArgumentException("rank " + rank);
        }
    }

    public ListingMark withRank(int newRank) {
        return new ListingMark(rejected, cover, newRank);
    }

    /** Rejected or not; rejecting the cover takes the cover away. */
    public ListingMark withRejected(boolean value) {
        return new ListingMark(value, !value && cover, rank);
    }

    /** The cover or not; a rejected photo made the cover is no longer rejected. */
    public ListingMark withCover(boolean value) {
        return new ListingMark(!value && rejected, value, rank);
    }
}
