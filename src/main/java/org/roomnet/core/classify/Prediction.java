package org.roomnet.core.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The model's scores for one photo, in the model's class order, with what else the model gives for it:
 * its {@code embedding} (empty when the model has none, as v1) and its {@code unknownScore} (higher = less like
 * the photos the model learned from; empty when the model has no unknown detector, as v1 and v2).
 * Immutable: the embedding is copied in and out.
 */
public record Prediction(List<String> classNames, List<Float> scores, float[] embedding, OptionalDouble unknownScore) {

    private static final float[] NONE = new float[0];

    public Prediction {
        classNames = List.copyOf(classNames);
        scores = List.copyOf(scores);
        if (classNames.size() != scores.size()) {
            throw new IllegalArgumentException("one score per class expected");
        }
        embedding = embedding == null || embedding.length == 0 ? NONE : embedding.clone();
        unknownScore = Objects.requireNonNullElse(unknownScore, OptionalDouble.empty());
    }

    public Prediction(List<String> classNames, List<Float> scores) {
        this(classNames, scores, NONE, OptionalDouble.empty());
    }

    public static Prediction of(List<String> classNames, float[] scores) {
        return of(classNames, scores, NONE, OptionalDouble.empty());
    }

    public static Prediction of(List<String> classNames, float[] scores, float[] embedding, OptionalDouble unknownScore) {
        Float[] boxed = new Float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            boxed[i] = scores[i];
        }
        return new Prediction(classNames, List.of(boxed), embedding, unknownScore);
    }

    /** A copy of the model's embedding of the photo; empty when the model gives none. */
    @Override
    public float[] embedding() {
        return embedding.length == 0 ? NONE : embedding.clone();
    }

    public boolean hasEmbedding() {
        return embedding.length > 0;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && classNames.equals(p.classNames) && scores.equals(p.scores)
                && Arrays.equals(embedding, p.embedding) && unknownScore.equals(p.unknownScore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classNames, scores, Arrays.hashCode(embedding), unknownScore);
    }

    @Override
    public String toString() {
        return "Prediction[" + label() + " " + confidence() + ", scores=" + scores + ", embedding of "
                + embedding.length + ", unknownScore=" + unknownScore + "]";
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
