package org.roomnet.core.review;

import java.util.List;

/** Told about every change of a {@link Review}, on the thread that made it. */
public interface ReviewListener {

    /** Photos new to the review (or re-classified), in the order they were added. */
    default void photosAdded(List<PhotoReview> photos) {}

    /** Photos the agent changed (label, rejected, cover, listing order: an edit, an undo or a redo), in their new state. */
    default void photosChanged(List<PhotoReview> photos) {}

    /** What can be undone or redone changed. */
    default void historyChanged() {}

    /** The agent added a room type ({@link Review#addRoomType}): it is the last of {@link Review#classNames()}. */
    default void roomTypeAdded(String name) {}

    /** A listener that runs {@code action} whenever photos are added or changed, or a room type is added. */
    static ReviewListener onPhotos(Runnable action) {
        return new ReviewListener() {
            @Override
            public void photosAdded(List<PhotoReview> photos) {
                action.run();
            }

            @Override
            public void photosChanged(List<PhotoReview> photos) {
                action.run();
            }

            @Override
            public void roomTypeAdded(String name) {
                action.run();
            }
        };
    }
}
