package org.roomnet.core.review;

import org.roomnet.core.classify.ModelDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * When a photo deserves the agent's look: the model was not sure (confidence below {@code lowConfidence}),
 * or hesitated between two rooms (the runner-up within {@code closeMargin}). A photo the agent has already
 * labelled no longer needs it. The thresholds are the model's: a calibrated model carries the ones fitted on
 * its validation split ({@link #forModel}); the app shows them from here.
 */
public record ReviewRules(float lowConfidence, float closeMargin) {

    /** The rule of a model that names no thresholds (model v1), and of a review opened without a model. */
    public static final ReviewRules FIXED = new ReviewRules(ModelDescription.FIXED_REVIEW_MIN_CONFIDENCE,
            ModelDescription.FIXED_REVIEW_MIN_MARGIN);

    public static ReviewRules forModel(ModelDescription model) {
        return new ReviewRules(model.reviewMinConfidence(), model.reviewMinMargin());
    }

    public boolean isLowConfidence(PhotoReview photo) {
        return photo.isReadable() && photo.confidence() < lowConfidence;
    }

    public boolean isCloseCall(PhotoReview photo) {
        return photo.isReadable() && photo.margin() < closeMargin;
    }

    public boolean needsReview(PhotoReview photo) {
        return photo.isReadable() && !photo.isReviewed() && (isLowConfidence(photo) || isCloseCall(photo));
    }

    /**
     * Why the rule flags the photo, with the figures it compared, e.g. "low confidence: 59.6 % is
     * below 60 %"; empty when it does not flag it.
     */
    public List<String> reasons(PhotoReview photo) {
        if (!needsReview(photo)) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>(2);
        if (isLowConfidence(photo)) {
            reasons.add("low confidence: " + Percent.tenths(photo.confidence()) + " is below "
                    + Percent.whole(lowConfidence));
        }
        if (isCloseCall(photo)) {
            reasons.add("close second choice: " + photo.secondLabel() + " " + Percent.tenths(photo.secondConfidence())
                    + " is within " + Math.round(closeMargin * 100) + " points");
        }
        return reasons;
    }
}
