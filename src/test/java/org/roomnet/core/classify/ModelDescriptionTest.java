package org.roomnet.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelDescriptionTest {

    static Map<String, String> metadata() {
        Map<String, String> m = new HashMap<>();
        m.put("model_name", "RoomNet");
        m.put("model_version", "t1");
        m.put("class_names", "[\"Backyard\", \"Bathroom\", \"Bedroom\", \"Frontyard\", \"Kitchen\", \"LivingRoom\"]");
        m.put("input_name", "input");
        m.put("output_name", "probabilities");
        m.put("input_size", "224");
        m.put("pixel_scale", "0.00784313725490196");
        m.put("pixel_offset", "-1.0");
        m.put("crop_rule", "center-square");
        m.put("channel_order", "RGB");
        m.put("input_layout", "NCHW");
        return m;
    }

    @Test
    void readsClassNamesAndPreprocessingFromMetadata() {
        ModelDescription d = ModelDescription.fromMetadata(metadata());
        assertEquals(List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom"), d.classNames());
        assertEquals(224, d.inputSize());
        assertEquals(2.0 / 255, d.pixelScale(), 1e-15);
        assertEquals(-1.0, d.pixelOffset());
        assertEquals("t1", d.version());
    }

    @Test
    void missingKeyIsReportedByName() {
        Map<String, String> m = metadata();
        m.remove("input_size");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m));
        assertTrue(e.getMessage().contains("input_size"), e.getMessage());
    }

    @Test
    void unknownCropRuleIsRejected() {
        Map<String, String> m = metadata();
        m.put("crop_rule", "letterbox");
        assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m));
    }

    @Test
    void aCalibratedModelBringsItsOwnNeedsReviewThresholds() {
        Map<String, String> m = metadata();
        m.put("review_min_confidence", "0.87");
        m.put("review_min_margin", "0.3");
        ModelDescription d = ModelDescription.fromMetadata(m);
        assertEquals(0.87f, d.reviewMinConfidence());
        assertEquals(0.3f, d.reviewMinMargin());
    }

    @Test
    void aModelWithoutThresholdsGetsTheFixedRule() {
        ModelDescription d = ModelDescription.fromMetadata(metadata());
        assertEquals(ModelDescription.FIXED_REVIEW_MIN_CONFIDENCE, d.reviewMinConfidence());
        assertEquals(ModelDescription.FIXED_REVIEW_MIN_MARGIN, d.reviewMinMargin());
    }

    @Test
    void thresholdsThatAreNoProbabilityAreRejectedByName() {
        Map<String, String> m = metadata();
        m.put("review_min_confidence", "high");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m));
        assertTrue(e.getMessage().contains("review_min_confidence"), e.getMessage());
        m.put("review_min_confidence", "1.5");
        assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m));
    }

    /** Issue 15: the keys of the v3 contract (docs/decisions/0015). */
    @Test
    void readsTheEmbeddingAndTheUnknownDetectorOfAV3Model() {
        Map<String, String> m = metadata();
        m.put(
                "class_names",
                "[\"Backyard\", \"Bathroom\", \"Bedroom\", \"Frontyard\", \"Kitchen\", \"LivingRoom\", "
                        + "\"DiningRoom\", \"FloorPlan\", \"Other\"]");
        m.put("embedding_output", "embedding");
        m.put("unknown_output", "unknown_score");
        m.put("unknown_threshold", "0.31");
        m.put("unknown_label", "Other");
        m.put("unknown_label_threshold", "0.45");
        m.put("unknown_method", "kNN k=10 cosine");
        ModelDescription d = ModelDescription.fromMetadata(m);
        assertEquals(9, d.classCount());
        assertEquals("embedding", d.embeddingOutput());
        assertEquals(new UnknownDetector("unknown_score", 0.31, "Other", 0.45, "kNN k=10 cosine"), d.unknown());
        assertTrue(d.unknown().flags(0.31) && !d.unknown().flags(0.3099));
        assertTrue(d.unknown().relabels(0.45) && !d.unknown().relabels(0.44));
    }

    @Test
    void aModelWithoutTheKeysHasNoDetector() {
        ModelDescription d = ModelDescription.fromMetadata(metadata());
        assertEquals(null, d.unknown());
        assertEquals(null, d.embeddingOutput());
        Map<String, String> m = metadata();
        m.put("unknown_output", "unknown_score");
        UnknownDetector scoreOnly = ModelDescription.fromMetadata(m).unknown();
        assertTrue(!scoreOnly.hasRule() && !scoreOnly.flags(1e9) && !scoreOnly.relabels(1e9));
    }

    @Test
    void inconsistentUnknownMetadataIsRefusedByKey() {
        String[][] cases = {
            {"unknown_threshold", "0.3", null, null, "no unknown_output"},
            {"unknown_output", "u", "unknown_threshold", "high", "'unknown_threshold' is not a finite number"},
            {"unknown_output", "u", "unknown_threshold", "NaN", "'unknown_threshold' is not a finite number"},
            {"unknown_output", "u", "unknown_label", "Hallway", "'Hallway' is none of its classes"},
            {"unknown_output", "u", "unknown_label", "Kitchen", "needs unknown_threshold and unknown_label_threshold"},
        };
        for (String[] c : cases) {
            Map<String, String> m = metadata();
            m.put(c[0], c[1]);
            if (c[2] != null) {
                m.put(c[2], c[3]);
            }
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m));
            assertTrue(e.getMessage().contains(c[4]), e.getMessage());
        }
        Map<String, String> m = metadata();
        m.put("unknown_output", "u");
        m.put("unknown_threshold", "0.5");
        m.put("unknown_label", "Kitchen");
        m.put("unknown_label_threshold", "0.4");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m));
        assertTrue(e.getMessage().contains("is below unknown_threshold"), e.getMessage());
    }
}
