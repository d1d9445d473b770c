package org.roomnet.app.photos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewRules;

/**
 * The photos of the open review as the window shows them: one {@link PhotoGroup} per room type plus
 * one for unreadable files, one for photos decoded but not labelled yet ("Classifying…": thumbnails are made
 * ahead of inference), the listing (its photos in export order), "Needs review" (every photo that needs review,
 * from all rooms, room by room), the group on screen, the selection in it, and the thumbnails.
 */
public final class PhotoGroups {

    public static final String LISTING = "Listing";
    public static final String NEEDS_REVIEW = "Needs review";

    private final ObservableList<PhotoGroup> groups = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<PhotoGroup> unreadable = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PhotoGroup> pending = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PhotoGroup> listing = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PhotoGroup> reviewQueue = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Predicate<PhotoItem>> inListing = new SimpleObjectProperty<>(i -> false);
    private final ObjectProperty<Comparator<PhotoItem>> listingOrder =
            new SimpleObjectProperty<>(Comparator.comparing(PhotoItem::fileName));
    private final ObjectProperty<PhotoGroup> current = new SimpleObjectProperty<>();
    private final Map<Path, PhotoItem> items = new HashMap<>();
    /** Photos whose thumbnail came before their label, by file. */
    private final Map<Path, PhotoItem> pendingItems = new HashMap<>();

    private final Selection selection = new Selection();
    private final ObjectProperty<PhotoOrder> order = new SimpleObjectProperty<>(PhotoOrder.NAME);
    private final ObjectProperty<PhotoFilter> filter = new SimpleObjectProperty<>(PhotoFilter.ALL);
    private final ThumbnailLoader thumbnails;
    private List<String> classNames = List.of();
    private ReviewRules rules = ReviewRules.FIXED;
    /**
     * The group on screen is settled: the agent picked it, or it was picked once, automatically, at the first
     * photo labelled. From then on arriving results never switch to another (issue 19).
     */
    private boolean settled;

    public PhotoGroups(TaskExecutor executor, int thumbnailMaxSide) {
        thumbnails = new ThumbnailLoader(executor, thumbnailMaxSide, 2);
        filter.addListener((o, was, now) -> retainShownSelection());
        order.addListener((o, was, now) -> retainShownSelection());
        current.addListener((o, was, now) -> selection.clear());
    }

    /** A new shoot with these room types (one empty group each), whose photos are flagged by these rules. */
    public void build(List<String> roomTypes, ReviewRules reviewRules) {
        clear();
        classNames = List.copyOf(roomTypes);
        rules = reviewRules;
        List<PhotoGroup> built = new ArrayList<>();
        for (int i = 0; i < classNames.size(); i++) {
            built.add(new PhotoGroup(classNames.get(i), i < 9 ? i + 1 : 0, filter, order));
        }
        groups.setAll(built);
        unreadable.set(new PhotoGroup("Unreadable", 0, new SimpleObjectProperty<>(PhotoFilter.ALL), order));
        pending.set(new PhotoGroup(PhotoItem.PENDING_NOTE, 0, new SimpleObjectProperty<>(PhotoFilter.ALL), order));
        listing.set(new PhotoGroup(LISTING, 0, inListing, listingOrder));
        // holds every readable photo and shows those that need review: a photo leaves it once labelled or rejected
        List<String> rooms = classNames;
        Comparator<PhotoItem> byRoom =
                Comparator.comparingInt(i -> rooms.indexOf(i.review().finalLabel()));
        reviewQueue.set(new PhotoGroup(
                NEEDS_REVIEW,
                0,
                new SimpleObjectProperty<>(PhotoItem::needsReview),
                Bindings.createObjectBinding(
                        () -> byRoom.thenComparing(order.get().comparator()), order)));
    }

    /** A room type the agent added to the open review: an empty group after the others. */
    public PhotoGroup addRoomType(String label) {
        List<String> more = new ArrayList<>(classNames);
        more.add(label);
        classNames = List.copyOf(more);
        int i = classNames.size() - 1;
        PhotoGroup added = new PhotoGroup(label, i < 9 ? i + 1 : 0, filter, order);
        groups.add(added);
        return added;
    }

    /**
     * The listing's photos and their places (1-based; photos without one are not in the listing view):
     * the view shows them in this order.
     */
    public void arrangeListing(Map<Path, Integer> positions) {
        Map<Path, Integer> places = Map.copyOf(positions);
        inListing.set(i -> places.containsKey(i.file()));
        listingOrder.set(Comparator.comparingInt(i -> places.getOrDefault(i.file(), Integer.MAX_VALUE)));
        retainShownSelection();
    }

    public void clear() {
        thumbnails.cancelPending();
        settled = false;
        selection.clear();
        current.set(null);
        groups.clear();
        unreadable.set(null);
        pending.set(null);
        listing.set(null);
        reviewQueue.set(null);
        inListing.set(i -> false);
        items.clear();
        pendingItems.clear();
        classNames = List.of();
    }

    public void close() {
        clear();
        thumbnails.close();
    }

    /** New photos (or re-classified ones) of the review. */
    public void added(List<PhotoReview> photos) {
        Map<PhotoGroup, List<PhotoItem>> removals = new LinkedHashMap<>();
        Map<PhotoGroup, List<PhotoItem>> additions = new LinkedHashMap<>();
        for (PhotoReview p : photos) {
            PhotoItem old = items.remove(p.file());
            if (old != null) {
                removals.computeIfAbsent(groupOf(old.review()), g -> new ArrayList<>())
                        .add(old);
                removals.computeIfAbsent(listing.get(), g -> new ArrayList<>()).add(old);
                removals.computeIfAbsent(reviewQueue.get(), g -> new ArrayList<>())
                        .add(old);
            }
            PhotoItem item = new PhotoItem(p, rules);
            PhotoItem decoded = pendingItems.remove(p.file());
            if (decoded != null) {
                item.thumbnailProperty().set(decoded.thumbnailProperty().get());
                removals.computeIfAbsent(pending.get(), g -> new ArrayList<>()).add(decoded);
            }
            items.put(p.file(), item);
            additions.computeIfAbsent(groupOf(p), g -> new ArrayList<>()).add(item);
            if (p.isReadable()) {
                additions.computeIfAbsent(listing.get(), g -> new ArrayList<>()).add(item);
                additions
                        .computeIfAbsent(reviewQueue.get(), g -> new ArrayList<>())
                        .add(item);
            }
        }
        apply(removals, additions);
    }

    /** Photos whose label changed: they move to their new group (or back into theirs, re-filtered). */
    public void changed(List<PhotoReview> photos) {
        Map<PhotoGroup, List<PhotoItem>> removals = new LinkedHashMap<>();
        Map<PhotoGroup, List<PhotoItem>> additions = new LinkedHashMap<>();
        for (PhotoReview p : photos) {
            PhotoItem item = items.get(p.file());
            if (item != null) {
                PhotoGroup from = groupOf(item.review());
                PhotoGroup to = groupOf(p);
                item.setReview(p);
                // also within the same group: filter and order see the new state when it comes back
                removals.computeIfAbsent(from, g -> new ArrayList<>()).add(item);
                additions.computeIfAbsent(to, g -> new ArrayList<>()).add(item);
                if (p.isReadable()) {
                    removals.computeIfAbsent(reviewQueue.get(), g -> new ArrayList<>())
                            .add(item);
                    additions
                            .computeIfAbsent(reviewQueue.get(), g -> new ArrayList<>())
                            .add(item);
                }
            }
        }
        apply(removals, additions);
    }

    /** One list change per group, however many photos move: relabelling 2,000 photos stays instant. */
    private void apply(Map<PhotoGroup, List<PhotoItem>> removals, Map<PhotoGroup, List<PhotoItem>> additions) {
        removals.forEach((g, list) -> g.all().removeAll(new HashSet<>(list)));
        additions.forEach((g, list) -> g.all().addAll(list));
        retainShownSelection();
    }

    /**
     * A thumbnail made while classifying, handed over on the UI thread. A photo without its label yet is shown
     * at once in the "Classifying…" group, and moves to its room when the label comes.
     */
    public void attachThumbnail(Path file, Thumbnail thumbnail) {
        PhotoItem item = items.get(file);
        if (item != null) {
            item.thumbnailProperty().set(thumbnail);
        } else if (pending.get() != null && !pendingItems.containsKey(file)) {
            PhotoItem decoded = PhotoItem.pending(file, thumbnail);
            pendingItems.put(file, decoded);
            pending.get().all().add(decoded);
        }
    }

    /** Classification ended or was cancelled: photos still without a label leave the window. */
    public void dropPending() {
        pendingItems.clear();
        PhotoGroup classifying = pending.get();
        if (classifying != null) {
            classifying.all().clear();
            if (current.get() == classifying) {
                // the group on screen is gone: the one move the agent did not ask for that cannot be avoided
                current.set(firstWithPhotos());
                settled = true;
            }
        }
    }

    /** A cell shows the item: make its thumbnail if it has none (photos restored from a saved review). */
    public void requestThumbnail(PhotoItem item) {
        thumbnails.request(item);
    }

    /** The agent shows {@code group}; from now on only the agent changes the group on screen. */
    public void choose(PhotoGroup group) {
        settled = true;
        current.set(group);
    }

    /**
     * The shoot is open: shows the first room type with photos. When none has any yet and photos are being
     * classified, shows "Classifying…" (where they appear first) until the first photo is labelled. A group the
     * agent chose stays.
     */
    public void showAtOpen(boolean classifying) {
        if (settled) {
            return; // the agent chose a room as soon as the window showed them
        }
        if (classifying && groups.stream().noneMatch(g -> g.count() > 0)) {
            current.set(pending.get());
        } else {
            current.set(firstWithPhotos());
            settled = true;
        }
    }

    /**
     * As results arrive: moves the view once, to the first room type with photos, at the first photo labelled,
     * unless the agent chose a group first. Never again after that: the view does not jump while the agent looks.
     */
    public void showFirstWithPhotosUnlessChosen() {
        if (settled) {
            return;
        }
        Optional<PhotoGroup> first = groups.stream().filter(g -> g.count() > 0).findFirst();
        if (first.isPresent()) {
            settled = true;
            current.set(first.get());
        } else if (current.get() == null
                && pending.get() != null
                && pending.get().count() > 0) {
            current.set(pending.get()); // nothing was on screen: not a move
        }
    }

    /** The first room type with photos, else the unreadable files when there are any, else the first room type. */
    private PhotoGroup firstWithPhotos() {
        return groups.stream()
                .filter(g -> g.count() > 0)
                .findFirst()
                .or(() -> Optional.ofNullable(unreadable.get()).filter(g -> g.count() > 0))
                .orElse(groups.isEmpty() ? null : groups.get(0));
    }

    private PhotoGroup groupOf(PhotoReview p) {
        return p.isReadable() ? groups.get(classNames.indexOf(p.finalLabel())) : unreadable.get();
    }

    private void retainShownSelection() {
        PhotoGroup g = current.get();
        selection.retainShown(g == null ? List.of() : g.shown());
    }

    /** Moves the selection by {@code delta} places in the shown list (arrow keys); returns the new anchor. */
    public PhotoItem moveSelection(int delta, boolean extend) {
        PhotoGroup g = current.get();
        if (g == null || g.shown().isEmpty()) {
            return null;
        }
        List<PhotoItem> shown = g.shown();
        PhotoItem from = selection.anchor();
        int at = from == null ? -1 : shown.indexOf(from);
        int to = at < 0 ? 0 : Math.max(0, Math.min(shown.size() - 1, at + delta));
        PhotoItem target = shown.get(to);
        if (extend && from != null) {
            selection.extendTo(target, shown);
        } else {
            selection.selectOnly(target);
        }
        return target;
    }

    /** The first unselected photo after the last selected one, else the last unselected one before. */
    public static PhotoItem nextAfter(List<PhotoItem> shown, List<PhotoItem> selected) {
        int last = -1;
        int first = Integer.MAX_VALUE;
        for (PhotoItem s : selected) {
            int i = shown.indexOf(s);
            if (i >= 0) {
                last = Math.max(last, i);
                first = Math.min(first, i);
            }
        }
        for (int i = last + 1; i < shown.size(); i++) {
            if (!selected.contains(shown.get(i))) {
                return shown.get(i);
            }
        }
        for (int i = Math.min(first, shown.size()) - 1; i >= 0; i--) {
            if (!selected.contains(shown.get(i))) {
                return shown.get(i);
            }
        }
        return null;
    }

    public ObservableList<PhotoGroup> groups() {
        return groups;
    }

    public Optional<PhotoGroup> group(String label) {
        return groups.stream().filter(g -> g.label().equals(label)).findFirst();
    }

    public ReadOnlyObjectProperty<PhotoGroup> unreadableProperty() {
        return unreadable.getReadOnlyProperty();
    }

    /** The listing: the photos that go into the export, in its order. */
    public ReadOnlyObjectProperty<PhotoGroup> listingProperty() {
        return listing.getReadOnlyProperty();
    }

    public boolean isListing(PhotoGroup group) {
        return group != null && group == listing.get();
    }

    /**
     * "Needs review": the photos of every room that need review, room by room (in the side bar's order), each
     * room's in the order chosen. Its {@link PhotoGroup#reviewCountProperty()} is how many there are.
     */
    public ReadOnlyObjectProperty<PhotoGroup> reviewQueueProperty() {
        return reviewQueue.getReadOnlyProperty();
    }

    public boolean isReviewQueue(PhotoGroup group) {
        return group != null && group == reviewQueue.get();
    }

    /** Photos decoded but not labelled yet ("Classifying…"). */
    public ReadOnlyObjectProperty<PhotoGroup> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** The group on screen. */
    public ObjectProperty<PhotoGroup> currentProperty() {
        return current;
    }

    public PhotoGroup current() {
        return current.get();
    }

    public Selection selection() {
        return selection;
    }

    public Optional<PhotoItem> item(Path file) {
        return Optional.ofNullable(items.get(file.toAbsolutePath().normalize()));
    }

    public ObjectProperty<PhotoOrder> orderProperty() {
        return order;
    }

    public ObjectProperty<PhotoFilter> filterProperty() {
        return filter;
    }

    /**
     * Shows the photos not reviewed yet: the filter on, the first group that has any chosen, its
     * first such photo selected. Returns false when every photo is reviewed.
     */
    public boolean showUnreviewed() {
        Optional<PhotoGroup> first = groups.stream()
                .filter(g -> g.unreviewedCountProperty().get() > 0)
                .findFirst();
        if (first.isEmpty()) {
            return false;
        }
        filter.set(PhotoFilter.NOT_REVIEWED);
        choose(first.get());
        selection.selectOnly(
                first.get().shown().isEmpty() ? null : first.get().shown().get(0));
        return true;
    }
}
