package org.roomnet.core.review;

import java.nio.file.Path;
import java.util.List;
import org.roomnet.core.classify.Prediction;

/** Test photos with chosen scores, in a fixed set of room types. */
public final class Photos {

    public static final List<String> CLASSES =
            List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom");

    private Photos() {}

    /** A photo the model gave {@code confidence} for {@code label}, and {@code second} to the next class. */
    public static PhotoReview photo(Path file, String label, float confidence, float second) {
        float[] scores = new float[CLASSES.size()];
        int best = CLASSES.indexOf(label);
        int runnerUp = (best + 1) % CLASSES.size();
        float rest = (1f - confidence - second) / (CLASSES.size() - 2);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i == best ? confidence : i == runnerUp ? second : rest;
        }
        return PhotoReview.fromPrediction(file, Prediction.of(CLASSES, scores), null);
    }

    public static PhotoReview sure(Path file, String label) {
        return photo(file, label, 0.9f, 0.05f);
    }
}
