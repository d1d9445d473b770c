package org.roomnet.core.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The model's scores for one photo, in the model's class order, with what else the model gives for it:
 * its {@code embedding} (empty when the model has none, as v1) and its {@code unknownScore} (higher = less like
 * the photos the model learned from; empty when the model has no unknown detector, as v1 and v2).
 * {@code label} is the model's label: the class of the highest score, unless the model's unknown detector
 * labelled the photo otherwise ({@link #withLabel}). Immutable: the embedding is copied in and out.
 */
public record Prediction(
        List<String> classNames, List<Float> scores, float[] embedding, OptionalDouble unknownScore, String label) {

    private static final float[] NONE = new float[0];

    public Prediction {
        classNames = List.copyOf(classNames);
        scores = List.copyOf(scores);
        if (classNames.size() != scores.size() || classNames.isEmpty()) {
            throw new IllegalArgumentException("one score per class expected");
        }
        embedding = embedding == null || embedding.length == 0 ? NONE : embedding.clone();
        unknownScore = Objects.requireNonNullElse(unknownScore, OptionalDouble.empty());
        if (label == null) {
            label = classNames.get(argmax(scores, -1));
        } else if (!classNames.contains(label)) {
            throw new IllegalArgumentException("label " + label + " is none of " + classNames);
        }
    }

    /** The label is the class of the highest score. */
    public Prediction(List<String> classNames, List<Float> scores, float[] embedding, OptionalDouble unknownScore) {
        this(classNames, scores, embedding, unknownScore, null);
    }

    public Prediction(List<String> classNames, List<Float> scores) {
        this(classNames, scores, NONE, OptionalDouble.empty(), null);
    }

    public static Prediction of(List<String> classNames, float[] scores) {
        return of(classNames, scores, NONE, OptionalDouble.empty());
    }

    public static Prediction of(
            List<String> classNames, float[] scores, float[] embedding, OptionalDouble unknownScore) {
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

    /**
     * Whether every score (and the unknown score) is a number: a broken model can give NaN or infinity, and
     * such a photo has no label (it is an error for that photo, never sorted).
     */
    public boolean isFinite() {
        for (Float s : scores) {
            if (!Float.isFinite(s)) {
                return false;
            }
        }
        return unknownScore.isEmpty() || Double.isFinite(unknownScore.getAsDouble());
    }

    /** The same prediction labelled {@code className} (the unknown detector's label), its scores unchanged. */
    public Prediction withLabel(String className) {
        return new Prediction(classNames, scores, embedding, unknownScore, className);
    }

    public boolean hasEmbedding() {
        return embedding.length > 0;
    }

    /** The index of {@link #label()}. */
    public int bestIndex() {
        return classNames.indexOf(label);
    }

    /** The model's score of its label. */
    public float confidence() {
        return scores.get(bestIndex());
    }

    /** The runner-up class, used to flag photos where the model hesitated between two rooms. */
    public String secondLabel() {
        return classNames.get(secondIndex());
    }

    public float secondConfidence() {
        return scores.get(secondIndex());
    }

    public float score(String className) {
        int i = classNames.indexOf(className);
        return i < 0 ? 0f : scores.get(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p
                && classNames.equals(p.classNames)
                && scores.equals(p.scores)
                && Arrays.equals(embedding, p.embedding)
                && unknownScore.equals(p.unknownScore)
                && label.equals(p.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classNames, scores, Arrays.hashCode(embedding), unknownScore, label);
    }

    @Override
    public String toString() {
        return "Prediction[" + label + " " + confidence() + ", scores=" + scores + ", embedding of " + embedding.length
                + ", unknownScore=" + unknownScore + "]";
    }

    /** The highest score's class other than the label's (the label's own when it is the only class). */
    private int secondIndex() {
        int second = argmax(scores, bestIndex());
        return second < 0 ? bestIndex() : second;
    }

    /** The index of the highest score, leaving out {@code skip}; the first on ties; -1 when none is left. */
    private static int argmax(List<Float> scores, int skip) {
        int best = -1;
        for (int i = 0; i < scores.size(); i++) {
            if (i != skip && (best < 0 || scores.get(i) > scores.get(best))) {
                best = i;
            }
        }
        return best;
    }
}
