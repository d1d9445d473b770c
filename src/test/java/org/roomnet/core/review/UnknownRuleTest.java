package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.classify.UnknownDetector;
import org.roomnet.testing.TinyOnnx;

/** Issue 15: the model's unknown detector flags photos unlike its training photos and labels the farthest ones. */
class UnknownRuleTest {

    @TempDir
    Path dir;

    private static final List<String> NINE = TinyOnnx.NINE;
    /** Kitchen at 95 %: sure enough for every other rule. */
    private static final float[] KITCHEN = {0.005f, 0.005f, 0.005f, 0.005f, 0.95f, 0.01f, 0.01f, 0.005f, 0.005f};

    private static final ReviewRules RULES =
            new ReviewRules(0.6f, 0.15f, new UnknownDetector("unknown_score", 0.5, "Other", 0.8, "test"));

    private PhotoReview photo(double unknownScore) {
        return PhotoReview.fromPrediction(
                dir.resolve("p.jpg"), Prediction.of(NINE, KITCHEN, null, OptionalDouble.of(unknownScore)), null);
    }

    @Test
    void aPhotoAtOrAboveTheThresholdNeedsReviewAndSaysWhy() {
        assertFalse(RULES.needsReview(photo(0.4999)));
        assertTrue(RULES.reasons(photo(0.4999)).isEmpty());
        assertTrue(RULES.needsReview(photo(0.5)));
        assertEquals(
                List.of("unlike the photos the model learned from (score 0.612 \u2265 0.500)"),
                RULES.reasons(photo(0.6123)));
    }

    @Test
    void aPhotoTheAgentLabelledNoLongerNeedsIt() {
        assertFalse(RULES.needsReview(photo(0.9).withAgentLabel("DiningRoom")));
    }

    @Test
    void aModelWithoutDetectorOrAPhotoWithoutScoreIsNeverFlaggedByIt() {
        ReviewRules v2 = new ReviewRules(0.6f, 0.15f);
        assertFalse(v2.needsReview(photo(0.99)));
        PhotoReview noScore = PhotoReview.fromPrediction(dir.resolve("p.jpg"), Prediction.of(NINE, KITCHEN), null);
        assertFalse(RULES.needsReview(noScore));
    }

    private static float[] filled(float value) {
        float[] t = new float[3 * 224 * 224];
        Arrays.fill(t, value);
        return t;
    }

    private Prediction classify(float unknownScore) throws Exception {
        Path model = TinyOnnx.v3(unknownScore).write(dir.resolve("v3-" + unknownScore + ".onnx"));
        try (RoomClassifier classifier = RoomClassifier.open(model, ProviderPreference.CPU)) {
            return classifier.classify(List.of(filled(0.3f))).get(0);
        }
    }

    @Test
    void atTheLabelThresholdTheModelLabelsThePhotoItsUnknownLabelAndItStillNeedsReview() throws Exception {
        Prediction familiar = classify(0.1f);
        Prediction unfamiliar = classify(0.6f);
        Prediction far = classify(0.85f);
        String argmax = NINE.get(familiar.bestIndex());
        assertTrue(!argmax.equals("Other"), "the tiny model's own choice must not be Other for this check");
        assertEquals(argmax, unfamiliar.label());
        assertEquals("Other", far.label());
        assertEquals(far.score("Other"), far.confidence());
        assertEquals(argmax, far.secondLabel());
        ReviewRules rules = ReviewRules.forModel(TinyOnnx.description(dir.resolve("v3-0.85.onnx")));
        PhotoReview p = PhotoReview.fromPrediction(dir.resolve("far.jpg"), far, null);
        assertEquals("Other", p.modelLabel());
        assertTrue(rules.needsReview(p));
        assertTrue(
                rules.reasons(p).get(0).startsWith("unlike the photos the model learned from (score 0.850"),
                rules.reasons(p).toString());
        assertFalse(rules.isUnfamiliar(PhotoReview.fromPrediction(dir.resolve("f.jpg"), familiar, null)));
        assertTrue(p.isLabelledUnfamiliar(), "its label's score is no confidence: the window says 'unfamiliar'");
        assertFalse(
                PhotoReview.fromPrediction(dir.resolve("u.jpg"), unfamiliar, null)
                        .isLabelledUnfamiliar(),
                "flagged, but labelled by its scores");
    }

    @Test
    void theSavedReviewKeepsTheUnknownScoreAndTheModelsLabel() throws Exception {
        Prediction far = Prediction.of(NINE, KITCHEN, null, OptionalDouble.of(0.8500000238418579))
                .withLabel("Other");
        PhotoReview p = PhotoReview.fromPrediction(dir.resolve("far.jpg"), far, null);
        SavedReview saved = new SavedReview("m", "3", NINE, List.of(new SavedPhoto(p, new FileStamp(1, 2))));
        ReviewSidecar.write(dir, saved);
        SavedReview read = ReviewSidecar.read(dir).orElseThrow();
        assertEquals(saved, read);
        assertEquals("Other", read.photos().get(0).review().modelLabel());
        assertTrue(RULES.needsReview(read.photos().get(0).review()));
    }
}
