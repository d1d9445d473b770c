package org.roomnet.app.main;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.app.util.UserSettings;
import org.roomnet.core.listing.ListingEntry;
import org.roomnet.core.listing.ListingOrder;
import org.roomnet.core.listing.ListingPlan;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.listing.NamePattern;
import org.roomnet.core.review.ReviewListener;
import org.roomnet.core.util.Words;
import org.roomnet.core.workflow.Shoot;

/**
 * The listing as the window shows it: every photo that goes into the export, in export order (the
 * core's {@link ListingOrder} with the agent's room order), each with the name it will get, kept up to
 * date as the review changes. Capture times are read in the background; until they are, a room's
 * photos are in name order. Dragging in the Listing view arranges it (one undoable edit). UI thread.
 */
public final class ListingModel {

    private final TaskExecutor executor;
    private final PhotoGroups photos;
    private final UserSettings settings;
    private final AppDialogs dialogs;
    private final StatusModel status;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private final Map<Path, ListingEntry> entries = new HashMap<>();
    private ListingOrder order;
    private Shoot shoot;
    private boolean readingTimes;

    ListingModel(
            TaskExecutor executor, PhotoGroups photos, UserSettings settings, AppDialogs dialogs, StatusModel status) {
        this.executor = executor;
        this.photos = photos;
        this.settings = settings;
        this.dialogs = dialogs;
        this.status = status;
        this.order = settings.listingOrder();
    }

    void attach(Shoot next) {
        shoot = next;
        readingTimes = false;
        if (next != null) {
            next.review().addListener(ReviewListener.onPhotos(() -> refresh(next)));
        }
        refresh(next);
    }

    private void refresh(Shoot s) {
        if (s != shoot) {
            return;
        }
        entries.clear();
        if (s == null) {
            count.set(0);
            return;
        }
        ListingPlan plan = s.listingPlan(order, ListingPreset.WEB, NamePattern.defaultPattern());
        Map<Path, Integer> positions = new HashMap<>();
        for (ListingEntry e : plan.entries()) {
            entries.put(e.source(), e);
            positions.put(e.source(), e.position());
        }
        photos.arrangeListing(positions);
        count.set(plan.entries().size());
        version.set(version.get() + 1);
        readTimesIfNeeded(s);
    }

    /** Reads the capture times not read yet, in the background, then arranges the listing again. */
    private void readTimesIfNeeded(Shoot s) {
        List<Path> files = s.readableFiles();
        if (readingTimes || s.captureTimesLoaded(files)) {
            return;
        }
        readingTimes = true;
        executor.execute(
                () -> {
                    s.loadCaptureTimes(files);
                    return null;
                },
                done -> {
                    readingTimes = false;
                    refresh(s);
                },
                e -> readingTimes = false);
    }

    /** Every capture time is read and the listing arranged with them (it will not reorder by itself). */
    public boolean isSettled() {
        return shoot == null || (!readingTimes && shoot.captureTimesLoaded(shoot.readableFiles()));
    }

    /** The place and new name of {@code file} in the listing; empty for a photo not in it. */
    public Optional<ListingEntry> entry(Path file) {
        return Optional.ofNullable(entries.get(file));
    }

    /**
     * The agent dropped {@code moved} at {@code index} of the Listing view (the index among the photos as
     * shown before the move): the listing takes the new order, one undoable step. The cover stays first.
     */
    public boolean move(List<PhotoItem> moved, int index) {
        PhotoGroup listing = photos.listingProperty().get();
        if (shoot == null || listing == null || moved.isEmpty()) {
            return false;
        }
        if (shoot.review().isReadOnly()) {
            status.show("This shoot is open for review elsewhere: read-only here.", true);
            return false;
        }
        List<Path> shown = listing.shown().stream().map(PhotoItem::file).toList();
        Path cover = shown.isEmpty()
                ? null
                : entry(shown.get(0))
                        .filter(ListingEntry::cover)
                        .map(ListingEntry::source)
                        .orElse(null);
        List<Path> arranged =
                ListingOrder.move(shown, moved.stream().map(PhotoItem::file).toList(), index, cover);
        boolean changed = shoot.review().arrangeListing(arranged);
        if (changed) {
            PhotoItem first = moved.get(0);
            status.show(
                    (moved.size() == 1 ? first.fileName() : Words.plural(moved.size(), "photo")) + " moved to place "
                            + entry(first.file()).map(ListingEntry::position).orElse(0) + " of the listing.",
                    false);
        }
        return changed;
    }

    /** Edit › Listing Room Order: asks for the rooms in listing order and keeps the answer. */
    public void changeRoomOrder() {
        List<String> roomTypes = shoot != null ? shoot.review().classNames() : ListingOrder.DEFAULT.rooms();
        dialogs.chooseRoomOrder(roomTypes, order.rooms()).ifPresent(rooms -> {
            order = new ListingOrder(rooms);
            settings.saveListingOrder(order);
            refresh(shoot);
        });
    }

    public ListingOrder order() {
        return order;
    }

    /** Changes each time the listing is arranged again (places and names may have changed). */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** Photos in the listing. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }
}
