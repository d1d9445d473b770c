package org.roomnet.core.classify;

import java.util.List;
import java.util.Map;

/**
 * What a RoomNet ONNX file says about itself in its metadata: class names in id order and the
 * pre-processing it expects. Nothing of this is hard-coded in the app. {@code embeddingOutput} names the
 * optional embedding output and {@code unknown} the optional unknown detector (null when the model has none).
 * The class names are checked ({@link ClassNames}): they become folder names.
 */
public record ModelDescription(
        String name,
        String version,
        List<String> classNames,
        String inputName,
        String outputName,
        int inputSize,
        double pixelScale,
        double pixelOffset,
        String cropRule,
        String channelOrder,
        String layout,
        float reviewMinConfidence,
        float reviewMinMargin,
        String embeddingOutput,
        UnknownDetector unknown) {

    public static final String SUPPORTED_CROP = "center-square";

    /**
     * The needs-review thresholds of a model whose metadata names none (model v1): the fixed rule the app
     * always had. A calibrated model carries its own, fitted on the validation split (training/calibrate.py).
     */
    public static final float FIXED_REVIEW_MIN_CONFIDENCE = 0.60f;

    public static final float FIXED_REVIEW_MIN_MARGIN = 0.15f;

    public ModelDescription {
        classNames = List.copyOf(classNames);
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("the model names no classes");
        }
        ClassNames.check(classNames);
        if (!SUPPORTED_CROP.equals(cropRule)) {
            throw new IllegalArgumentException("unsupported crop rule: " + cropRule);
        }
        if (!"RGB".equals(channelOrder) || !"NCHW".equals(layout)) {
            throw new IllegalArgumentException("unsupported input: " + channelOrder + " " + layout);
        }
        if (!(reviewMinConfidence >= 0 && reviewMinConfidence <= 1 && reviewMinMargin >= 0 && reviewMinMargin <= 1)) {
            throw new IllegalArgumentException(
                    "review thresholds outside 0..1: " + reviewMinConfidence + ", " + reviewMinMargin);
        }
    }

    /** Reads the description from ONNX custom metadata; fails with a clear message when a key is missing. */
    public static ModelDescription fromMetadata(Map<String, String> metadata) {
        List<String> classNames = JsonStringList.parse(require(metadata, "class_names"));
        return new ModelDescription(
                metadata.getOrDefault("model_name", "RoomNet"),
                metadata.getOrDefault("model_version", "unknown"),
                classNames,
                require(metadata, "input_name"),
                require(metadata, "output_name"),
                Integer.parseInt(require(metadata, "input_size")),
                Double.parseDouble(require(metadata, "pixel_scale")),
                Double.parseDouble(require(metadata, "pixel_offset")),
                require(metadata, "crop_rule"),
                require(metadata, "channel_order"),
                require(metadata, "input_layout"),
                optionalFloat(metadata, "review_min_confidence", FIXED_REVIEW_MIN_CONFIDENCE),
                optionalFloat(metadata, "review_min_margin", FIXED_REVIEW_MIN_MARGIN),
                optionalText(metadata, "embedding_output") != null
                        ? optionalText(metadata, "embedding_output")
                        : optionalText(metadata, "embedding_name"), // v2's key
                UnknownDetector.fromMetadata(metadata, classNames));
    }

    /** The same description with the embedding found under {@code output} (a model that does not name it). */
    public ModelDescription withEmbeddingOutput(String output) {
        return new ModelDescription(
                name,
                version,
                classNames,
                inputName,
                outputName,
                inputSize,
                pixelScale,
                pixelOffset,
                cropRule,
                channelOrder,
                layout,
                reviewMinConfidence,
                reviewMinMargin,
                output,
                unknown);
    }

    /** The unknown detector's output name; null when the model has none. */
    public String unknownOutput() {
        return unknown == null ? null : unknown.output();
    }

    public int classCount() {
        return classNames.size();
    }

    private static String require(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "the model's metadata lacks '" + key + "'; export it with training/export_onnx.py");
        }
        return value;
    }

    static String optionalText(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static float optionalFloat(Map<String, String> metadata, String key, float fallback) {
        String value = metadata.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Float.parseFloat(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the model's metadata '" + key + "' is not a number: " + value);
        }
    }
}
