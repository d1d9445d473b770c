package org.roomnet.app.main;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.util.UserSettings;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.review.Review;
import org.roomnet.core.review.ReviewListener;

/**
 * The listing checklist of the side bar: each room a listing needs, with whether the open shoot has
 * a photo of it (rejected photos do not count). The rooms are the agent's choice, kept in the settings. UI thread.
 */
public final class ChecklistModel {

    private final UserSettings settings;
    private final AppDialogs dialogs;
    private final ObservableList<ListingChecklist.Item> items = FXCollections.observableArrayList();
    private ListingChecklist rooms;
    private Review review;

    ChecklistModel(UserSettings settings, AppDialogs dialogs) {
        this.settings = settings;
        this.dialogs = dialogs;
        this.rooms = settings.listingChecklist();
    }

    void attach(Review next) {
        review = next;
        if (next != null) {
            next.addListener(ReviewListener.onPhotos(() -> refresh(next)));
        }
        refresh(next);
    }

    private void refresh(Review r) {
        if (r != review) {
            return;
        }
        items.setAll(r == null ? List.of() : checklist().check(r.listableCountsByLabel()));
    }

    /** The agent's checklist, without rooms the open shoot's model does not know. */
    public ListingChecklist checklist() {
        return review == null ? rooms : rooms.knownTo(review.classNames());
    }

    /** Asks the agent which rooms a listing needs (among the open shoot's room types) and keeps the answer. */
    public void change() {
        List<String> roomTypes = review != null ? review.classNames() : ListingChecklist.DEFAULT.rooms();
        dialogs.chooseListingRooms(roomTypes, checklist().rooms()).ifPresent(chosen -> {
            rooms = new ListingChecklist(chosen);
            settings.saveListingChecklist(rooms);
            refresh(review);
        });
    }

    /** One entry per room of the checklist, with its photo count in the open shoot; empty when none is open. */
    public ObservableList<ListingChecklist.Item> items() {
        return items;
    }
}
