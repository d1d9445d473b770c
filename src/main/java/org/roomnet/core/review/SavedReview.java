package org.roomnet.core.review;

import java.util.List;

/** The content of a review sidecar: which model made it, its room types, and every photo. */
public record SavedReview(String modelName, String modelVersion, List<String> classNames, List<SavedPhoto> photos) {

    public SavedReview {
        classNames = List.copyOf(classNames);
        photos = List.copyOf(photos);
    }
}
