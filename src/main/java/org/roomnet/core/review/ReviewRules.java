package org.roomnet.core.review;

import java.util.ArrayList;
import java.util.List;

/**
 * When a photo deserves the agent's look: the model was not sure (low confidence), or hesitated
 * between two rooms (a close second choice). A photo the agent has already labelled no longer needs it.
 * The one place of this rule: the thresholds are the model's to set, and the app shows them from here.
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

    /**
     * Why the rule flags the photo, with the figures it compared, e.g. "low confidence: 59.6 % is
     * below 60 %"; empty when it does not flag it.
     */
    public static List<String> reasons(PhotoReview photo) {
        if (!needsReview(photo)) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>(2);
        if (isLowConfidence(photo)) {
            reasons.add("low confidence: " + Percent.tenths(photo.confidence()) + " is below "
                    + Percent.whole(LOW_CONFIDENCE));
        }
        if (isCloseCall(photo)) {
            reasons.add("close second choice: " + photo.secondLabel() + " " + Percent.tenths(photo.secondConfidence())
                    + " is within " + Math.round(CLOSE_MARGIN * 100) + " points");
        }
        return reasons;
    }
}
