package org.roomnet.core.report;

import java.util.List;

/**
 * One photo in a report. {@code label} is the final label (the agent's when set, else the model's);
 * {@code modelLabel} and {@code confidence} are the model's choice and its confidence in it, which
 * differ from {@code label} for a corrected photo. Labels are empty for a photo that could not be read.
 * {@code error} says why a file could not be read, or, beside the labels, why a photo is damaged.
 * {@code needsReview} is the model's rule ({@link org.roomnet.core.review.ReviewRules}) for the photo as it stands;
 * {@code source} who proposed the label: {@code model}, or {@code memory} (the agent's reviewed photos).
 * {@code note}: what the decoded picture may get wrong though the file is whole ("colour profile unreadable,
 * assumed sRGB"), empty when nothing.
 */
public record ReportRow(
        String file,
        String folder,
        String label,
        String modelLabel,
        float confidence,
        boolean corrected,
        boolean reviewed,
        String error,
        List<Float> scores,
        boolean needsReview,
        String source,
        String note) {

    public ReportRow {
        label = label == null ? "" : label;
        modelLabel = modelLabel == null ? "" : modelLabel;
        error = error == null ? "" : error;
        scores = List.copyOf(scores);
        source = source == null || source.isEmpty() ? "model" : source;
        note = note == null ? "" : note;
    }

    /** Without a note. */
    public ReportRow(
            String file,
            String folder,
            String label,
            String modelLabel,
            float confidence,
            boolean corrected,
            boolean reviewed,
            String error,
            List<Float> scores,
            boolean needsReview,
            String source) {
        this(file, folder, label, modelLabel, confidence, corrected, reviewed, error, scores, needsReview, source, "");
    }

    /** A row proposed by the model alone. */
    public ReportRow(
            String file,
            String folder,
            String label,
            String modelLabel,
            float confidence,
            boolean corrected,
            boolean reviewed,
            String error,
            List<Float> scores,
            boolean needsReview) {
        this(file, folder, label, modelLabel, confidence, corrected, reviewed, error, scores, needsReview, "model");
    }

    /** A row that does not need review. */
    public ReportRow(
            String file,
            String folder,
            String label,
            String modelLabel,
            float confidence,
            boolean corrected,
            boolean reviewed,
            String error,
            List<Float> scores) {
        this(file, folder, label, modelLabel, confidence, corrected, reviewed, error, scores, false);
    }

    public boolean isClassified() {
        return !modelLabel.isEmpty() || !label.isEmpty();
    }

    /** Classified from a picture that is not the whole photo (see {@code error}). */
    public boolean isDamaged() {
        return isClassified() && !error.isEmpty();
    }
}
