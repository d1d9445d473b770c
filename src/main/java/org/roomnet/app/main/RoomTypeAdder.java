package org.roomnet.app.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoGroups;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.core.memory.RoomTypeNames;
import org.roomnet.core.review.Review;
import org.roomnet.core.util.Words;

/**
 * "New Room Type…" (issue 16): asks for a name, adds an empty room after the others to the open review (saved
 * with it) and to the window, and, for "Move to New Room Type…", labels the selected photos with it. The memory
 * learns the room from the photos labelled with it when the shoot is left, as it learns every reviewed photo.
 * UI thread.
 */
final class RoomTypeAdder {

    /** The window's own groups: a room type of these names would be shown as, or mistaken for, them. */
    static final List<String> RESERVED = List.of(PhotoGroups.LISTING, "Unreadable");

    private final Supplier<Optional<Review>> review;
    private final PhotoGroups photos;
    private final ReviewEditor editor;
    private final AppDialogs dialogs;
    private final StatusModel status;

    RoomTypeAdder(
            Supplier<Optional<Review>> review,
            PhotoGroups photos,
            ReviewEditor editor,
            AppDialogs dialogs,
            StatusModel status) {
        this.review = review;
        this.photos = photos;
        this.editor = editor;
        this.dialogs = dialogs;
        this.status = status;
    }

    /**
     * Asks for the name and adds the room type; with {@code moveSelection}, the selected photos go into it (one
     * undoable step; undo leaves the room, empty). Returns the room added, or empty (cancelled, refused, no shoot).
     */
    Optional<PhotoGroup> addAfterAsking(boolean moveSelection) {
        Review r = review.get().orElse(null);
        if (r == null) {
            return Optional.empty();
        }
        if (r.isReadOnly()) {
            status.show("This shoot is read-only here: open it anyway to add a room type.", true);
            return Optional.empty();
        }
        List<PhotoItem> selected = moveSelection ? photos.selection().items() : List.of();
        Optional<String> typed =
                dialogs.askRoomTypeName(text -> problemOf(r, text).orElse(""));
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        String name = RoomTypeNames.tidy(typed.get());
        Optional<String> problem = problemOf(r, name);
        if (problem.isPresent()) {
            dialogs.showError("Cannot add the room type", problem.get());
            return Optional.empty();
        }
        if (!r.addRoomType(name)) {
            return Optional.empty();
        }
        PhotoGroup group = photos.addRoomType(name);
        if (!selected.isEmpty() && editor.relabel(selected, name)) {
            photos.selection().clear();
            status.show(
                    "Added the room type " + name + " with " + Words.plural(selected.size(), "photo")
                            + "; RoomNet proposes it for similar photos once you leave the shoot.",
                    false);
        } else {
            photos.choose(group);
            status.show(
                    "Added the room type " + name + ": drag photos onto it, or select them and use Label Selection "
                            + "As.",
                    false);
        }
        return Optional.of(group);
    }

    /** Why {@code typed} (tidied) cannot be added to {@code r}; empty when it can. */
    static Optional<String> problemOf(Review r, String typed) {
        List<String> taken = new ArrayList<>(r.classNames());
        taken.addAll(RESERVED);
        String name = RoomTypeNames.tidy(typed);
        Optional<String> problem = RoomTypeNames.problemOfNew(name, taken);
        if (problem.isPresent() && RESERVED.stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
            return Optional.of("'" + name + "' is the name of one of the window's own groups; choose another name.");
        }
        return problem;
    }
}
