package org.roomnet.core.classify;


import java.nio.file.Path;

/**
 * The outcome for one file: a prediction, or the reason it could not be read. A damaged photo (a
 * cut JPEG, say) has both a prediction and {@code damage}: it was classified from what is there.
 */
public record PhotoResult(Path file, Prediction prediction, String error, String damage) {

    public PhotoResult {
        if ((prediction == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of prediction and error");
        }
        if (damage != null && prediction == null) {
            throw new IllegalArgumentException("only a classified photo can be damaged");
        }
    }

    public PhotoResult(Path file, Prediction prediction, String error) {
        this(file, prediction, error, null);
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
