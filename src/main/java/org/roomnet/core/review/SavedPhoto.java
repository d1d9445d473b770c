package org.roomnet.core.review;

/** A photo's review as kept in the sidecar, with the stamp of the file it was made from. */
public record SavedPhoto(PhotoReview review, FileStamp stamp) {
}
