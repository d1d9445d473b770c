package org.roomnet.core.classify;

import java.util.List;
import java.util.Map;

/**
 * A model's detector of photos unlike the ones it learned from (model v3 on: metadata {@code unknown_*}).
 * The model outputs a score per photo ({@code output}; higher = less like the training photos). A photo
 * whose score is at least {@code threshold} needs review; at least {@code labelThreshold}, it is labelled
 * {@code label} (one of the model's classes) as well. Without a threshold the score is only carried
 * ({@link #threshold()} is infinite); without a label no photo is relabelled ({@code label} null,
 * {@code labelThreshold} infinite).
 */
public record UnknownDetector(String output, double threshold, String label, double labelThreshold, String method) {

    public UnknownDetector {
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("an unknown detector needs its output");
        }
        if (Double.isNaN(threshold) || Double.isNaN(labelThreshold)) {
            throw new IllegalArgumentException("the unknown thresholds are no numbers");
        }
        if (label != null && labelThreshold < threshold) {
            throw new IllegalArgumentException(
                    "unknown_label_threshold (" + labelThreshold + ") is below unknown_threshold (" + threshold + ")");
        }
        method = method == null ? "" : method;
    }

    /** Whether the model flags photos at all (it has a threshold). */
    public boolean hasRule() {
        return threshold != Double.POSITIVE_INFINITY;
    }

    /** The photo needs review: it is unlike the photos the model learned from. */
    public boolean flags(double score) {
        return score >= threshold;
    }

    /** The photo is labelled {@link #label()} whatever the scores say. */
    public boolean relabels(double score) {
        return label != null && score >= labelThreshold;
    }

    /**
     * Reads the detector from the model's metadata; null when the model has none ({@code unknown_output}
     * absent). Inconsistent metadata (a threshold without output, a label the model does not know, a label
     * without its threshold) is refused with the key it concerns.
     */
    static UnknownDetector fromMetadata(Map<String, String> metadata, List<String> classNames) {
        String output = ModelDescription.optionalText(metadata, "unknown_output");
        Double threshold = number(metadata, "unknown_threshold");
        String label = ModelDescription.optionalText(metadata, "unknown_label");
        Double labelThreshold = number(metadata, "unknown_label_threshold");
        if (output == null) {
            if (threshold != null || label != null) {
                throw new IllegalArgumentException(
                        "the model's metadata has unknown_threshold or unknown_label " + "but no unknown_output");
            }
            return null;
        }
        if (label != null) {
            if (!classNames.contains(label)) {
                throw new IllegalArgumentException(
                        "the model's unknown_label '" + label + "' is none of its classes " + classNames);
            }
            if (labelThreshold == null || threshold == null) {
                throw new IllegalArgumentException(
                        "the model's unknown_label needs unknown_threshold and " + "unknown_label_threshold");
            }
        }
        return new UnknownDetector(
                output,
                threshold == null ? Double.POSITIVE_INFINITY : threshold,
                label,
                label == null ? Double.POSITIVE_INFINITY : labelThreshold,
                ModelDescription.optionalText(metadata, "unknown_method"));
    }

    private static Double number(Map<String, String> metadata, String key) {
        String value = ModelDescription.optionalText(metadata, key);
        if (value == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("the model's metadata '" + key + "' is not a finite number: " + value);
    }
}
