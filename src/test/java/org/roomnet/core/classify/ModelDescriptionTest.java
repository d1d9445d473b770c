package org.roomnet.core.classify;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m));
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m));
        assertTrue(e.getMessage().contains("review_min_confidence"), e.getMessage());
        m.put("review_min_confidence", "1.5");
        assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m));
    }
}
