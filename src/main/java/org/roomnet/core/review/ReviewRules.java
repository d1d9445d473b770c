package org.roomnet.core.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.roomnet.core.classify.ModelDescription;
import org.roomnet.core.classify.UnknownDetector;

/**
 * When a photo deserves the agent's look: the model was not sure (confidence below {@code lowConfidence}),
 * hesitated between two rooms (the runner-up within {@code closeMargin}), or found the photo unlike the ones
 * it learned from (its unknown score at or above the {@code unknown} detector's threshold; model v3 on).
 * A photo the agent has already labelled no longer needs it, nor does one the agent rejected (it stays out of the
 * listing whatever its room). The thresholds are the model's: a calibrated
 * model carries the ones fitted on its validation split ({@link #forModel}). This is the one place that decides
 * "needs review": the app, the CSV and XLSX reports ({@code needs_review}) all ask it.
 *
 * @param unknown the model's unknown detector; null when it has none (v1, v2)
 */
public record ReviewRules(float lowConfidence, float closeMargin, UnknownDetector unknown) {

    /** The rule of a model that names no thresholds (model v1), and of a review opened without a model. */
    public static final ReviewRules FIXED =
            new ReviewRules(ModelDescription.FIXED_REVIEW_MIN_CONFIDENCE, ModelDescription.FIXED_REVIEW_MIN_MARGIN);

    public ReviewRules(float lowConfidence, float closeMargin) {
        this(lowConfidence, closeMargin, null);
    }

    public static ReviewRules forModel(ModelDescription model) {
        return new ReviewRules(model.reviewMinConfidence(), model.reviewMinMargin(), model.unknown());
    }

    public boolean isLowConfidence(PhotoReview photo) {
        return photo.isReadable() && photo.confidence() < lowConfidence;
    }

    public boolean isCloseCall(PhotoReview photo) {
        return photo.isReadable() && photo.margin() < closeMargin;
    }

    /** The photo is unlike the photos the model learned from (its unknown detector flags it). */
    public boolean isUnfamiliar(PhotoReview photo) {
        return photo.isReadable()
                && unknown != null
                && photo.unknownScore().isPresent()
                && unknown.flags(photo.unknownScore().getAsDouble());
    }

    public boolean needsReview(PhotoReview photo) {
        return photo.isReadable()
                && !photo.isReviewed()
                && !photo.listing().rejected()
                && (isUnfamiliar(photo) || isLowConfidence(photo) || isCloseCall(photo));
    }

    /**
     * Why the rule flags the photo, with the figures it compared, e.g. "low confidence: 59.6 % is
     * below 60 %"; empty when it does not flag it.
     */
    public List<String> reasons(PhotoReview photo) {
        if (!needsReview(photo)) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>(3);
        if (isUnfamiliar(photo)) {
            // both rounded alike, so the figure shown is never below the threshold shown
            reasons.add(String.format(
                    Locale.ROOT,
                    "unlike the photos the model learned from (score %.3f \u2265 %.3f)",
                    photo.unknownScore().getAsDouble(),
                    unknown.threshold()));
        }
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
