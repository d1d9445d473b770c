package org.roomnet.core.review;

/**
 * A photo's review as kept in the sidecar, with the stamp of the file it was made from and when the
 * agent last changed it ({@code editedMillis}, epoch milliseconds; 0: never, the model's label alone).
 */
public record SavedPhoto(PhotoReview review, FileStamp stamp, long editedMillis) {

    public SavedPhoto(PhotoReview review, FileStamp stamp) {
        this(review, stamp, 0);
    }
}
