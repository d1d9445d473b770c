package org.roomnet.core.review;

/**
 * When a photo deserves the agent's look: the model was not sure (low confidence), or hesitated
 * between two rooms (a close second choice). A photo the agent has already labelled no longer needs it.
 */
public final class ReviewRules {

    /** Below this confidence a photo is marked as low-confidence. */
    public static final float LOW_CONFIDENCE = 0.60f;

    /** A runner-up within this distance of the first choice makes a close call. */
    public static final float CLOSE_MARGIN = 0.15f;

    private ReviewRules() {
    }

    public static boolean isLowConfidence(PhotoReview photo) {
        return photo.isReadable() && photo.confidence() < LOW_CONFIDENCE;
    }

    public static boolean isCloseCall(PhotoReview photo) {
        return photo.isReadable() && photo.margin() < CLOSE_MARGIN;
    }

    public static boolean needsReview(PhotoReview photo) {
        return photo.isReadable() && !photo.isReviewed() && (isLowConfidence(photo) || isCloseCall(photo));
    }
}
