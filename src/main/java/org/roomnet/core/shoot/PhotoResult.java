package org.roomnet.core.shoot;

import org.roomnet.core.classify.Prediction;

import java.nio.file.Path;

/** The outcome for one file: a prediction, or the reason it could not be read. */
public record PhotoResult(Path file, Prediction prediction, String error) {

    public PhotoResult {
        if ((prediction == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of prediction and error");
        }
    }

    public static PhotoResult classified(Path file, Prediction prediction) {
        return new PhotoResult(file, prediction, null);
    }

    public static PhotoResult failed(Path file, String error) {
        return new PhotoResult(file, null, error);
    }

    public boolean isClassified() {
        return prediction != null;
    }
}
