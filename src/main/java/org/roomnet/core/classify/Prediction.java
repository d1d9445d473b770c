package org.roomnet.core.classify;

import java.util.List;

/** The model's scores for one photo, in the model's class order. */
public record Prediction(List<String> classNames, List<Float> scores) {

    public Prediction {
        classNames = List.copyOf(classNames);
        scores = List.copyOf(scores);
        if (classNames.size() != scores.size()) {
            throw new IllegalArgumentException("one score per class expected");
        }
    }

    public static Prediction of(List<String> classNames, float[] scores) {
        Float[] boxed = new Float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            boxed[i] = scores[i];
        }
        return new Prediction(classNames, List.of(boxed));
    }

    public int bestIndex() {
        return rankedIndex(0);
    }

    public String label() {
        return classNames.get(bestIndex());
    }

    public float confidence() {
        return scores.get(bestIndex());
    }

    /** The runner-up class, used to flag photos where the model hesitated between two rooms. */
    public String secondLabel() {
        return classNames.get(rankedIndex(1));
    }

    public float secondConfidence() {
        return scores.get(rankedIndex(1));
    }

    public float score(String className) {
        int i = classNames.indexOf(className);
        return i < 0 ? 0f : scores.get(i);
    }

    private int rankedIndex(int rank) {
        int best = -1;
        int second = -1;
        for (int i = 0; i < scores.size(); i++) {
            if (best < 0 || scores.get(i) > scores.get(best)) {
                second = best;
                best = i;
            } else if (second < 0 || scores.get(i) > scores.get(second)) {
                second = i;
            }
        }
        return rank == 0 ? best : Math.max(second, 0);
    }
}
