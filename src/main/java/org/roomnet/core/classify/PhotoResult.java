package org.roomnet.core.classify;

import java.nio.file.Path;

/**
 * The outcome for one file: a prediction, or the reason it could not be read. A damaged photo (a
 * cut JPEG, say) has both a prediction and {@code damage}: it was classified from what is there.
 * {@code warning}: what the decoded picture may get wrong though the file is whole ("colour profile
 * unreadable, assumed sRGB"), null when nothing; the photo is handled as any other, the warning shown beside it.
 */
public record PhotoResult(Path file, Prediction prediction, String error, String damage, String warning) {

    public PhotoResult {
        if ((prediction == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of prediction and error");
        }
        if (damage != null && prediction == null) {
            throw new IllegalArgumentException("only a classified photo can be damaged");
        }
        if (warning != null && prediction == null) {
            throw new IllegalArgumentException("only a classified photo has a decoding warning");
        }
    }

    public PhotoResult(Path file, Prediction prediction, String error, String damage) {
        this(file, prediction, error, damage, null);
    }

    public PhotoResult(Path file, Prediction prediction, String error) {
        this(file, prediction, error, null);
    }

    /** The same result with the decoder's {@code warning} (null: none). */
    public PhotoResult withWarning(String warning) {
        return new PhotoResult(file, prediction, error, damage, warning);
    }

    public static PhotoResult classified(Path file, Prediction prediction) {
        return new PhotoResult(file, prediction, null, null);
    }

    /** Classified from a picture that is not the whole photo; {@code damage} says why. */
    public static PhotoResult damaged(Path file, Prediction prediction, String damage) {
        return new PhotoResult(file, prediction, null, damage);
    }

    public static PhotoResult failed(Path file, String error) {
        return new PhotoResult(file, null, error, null);
    }

    public boolean isClassified() {
        return prediction != null;
    }

    public boolean isDamaged() {
        return damage != null;
    }
}
