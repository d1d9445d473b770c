package org.roomnet.app.main;

import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.dialogs.UnreviewedChoice;
import org.roomnet.app.photos.PhotoGroups;

/** Before an export or a sort: says how many photos are not reviewed yet, and offers to show them. UI thread. */
final class UnreviewedGate {

    private final ReviewCounts counts;
    private final PhotoGroups photos;
    private final AppDialogs dialogs;

    UnreviewedGate(ReviewCounts counts, PhotoGroups photos, AppDialogs dialogs) {
        this.counts = counts;
        this.photos = photos;
        this.dialogs = dialogs;
    }

    /** True when there is nothing to review or the agent goes on anyway; "show them" shows them. */
    boolean settled(String action) {
        int unreviewed = counts.unreviewed();
        if (unreviewed == 0) {
            return true;
        }
        UnreviewedChoice choice = dialogs.askUnreviewed(
                action, unreviewed, counts.photosProperty().get());
        if (choice == UnreviewedChoice.SHOW_THEM) {
            photos.showUnreviewed();
        }
        return choice == UnreviewedChoice.GO_ON;
    }
}
