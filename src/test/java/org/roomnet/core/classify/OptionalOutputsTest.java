package org.roomnet.core.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.TestPhotos;
import org.roomnet.testing.TinyOnnx;

/** Issue 15: a prediction carries the model's embedding and unknown score when the model gives them. */
class OptionalOutputsTest {

    @TempDir
    Path dir;

    private static float[] filled(float value) {
        float[] t = new float[3 * 224 * 224];
        Arrays.fill(t, value);
        return t;
    }

    @Test
    void aV3ModelGivesTheEmbeddingAndTheUnknownScoreOfEachPhoto() throws Exception {
        Path model = TinyOnnx.v3(0.625f).write(dir.resolve("v3.onnx"));
        try (RoomClassifier classifier = RoomClassifier.open(model, ProviderPreference.CPU)) {
            assertEquals("embedding", classifier.description().embeddingOutput());
            assertEquals("unknown_score", classifier.description().unknownOutput());
            List<Prediction> batch = classifier.classify(List.of(filled(0.25f), filled(-0.5f)));
            assertEquals(9, batch.get(0).scores().size());
            // the tiny model's embedding is the mean of each channel
            assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f}, batch.get(0).embedding(), 1e-6f);
            assertArrayEquals(new float[] {-0.5f, -0.5f, -0.5f}, batch.get(1).embedding(), 1e-6f);
            assertEquals(0.625, batch.get(0).unknownScore().orElseThrow(), 1e-6);
            assertEquals(0.625, batch.get(1).unknownScore().orElseThrow(), 1e-6);
        }
    }

    @Test
    void aModelWithoutThemGivesAnEmptyEmbeddingAndNoUnknownScore() throws Exception {
        Path model = TinyOnnx.six().write(dir.resolve("six.onnx"));
        try (RoomClassifier classifier = RoomClassifier.open(model, ProviderPreference.CPU)) {
            assertNull(classifier.description().embeddingOutput());
            Prediction p = classifier.classify(List.of(filled(0.1f))).get(0);
            assertEquals(0, p.embedding().length);
            assertFalse(p.hasEmbedding());
            assertTrue(p.unknownScore().isEmpty());
        }
    }

    @Test
    void anOutputLiterallyNamedEmbeddingIsFoundWithoutMetadata() throws Exception {
        Path model =
                TinyOnnx.six().withEmbedding().meta("embedding_output", null).write(dir.resolve("unnamed.onnx"));
        try (RoomClassifier classifier = RoomClassifier.open(model, ProviderPreference.CPU)) {
            assertEquals("embedding", classifier.description().embeddingOutput());
            assertEquals(3, classifier.classify(List.of(filled(0.1f))).get(0).embedding().length);
        }
    }

    @Test
    void theShippedModelGivesItsEmbeddingOf1280FeaturesAndItsUnknownScore() throws Exception {
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            Prediction p = classifier.classify(List.of(filled(0f))).get(0);
            assertEquals(1280, p.embedding().length);
            assertTrue(p.unknownScore().isPresent(), "model v3 has the unknown_score output");
        }
    }

    @Test
    void modelV2GivesItsEmbeddingAndNoUnknownScore() throws Exception {
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.modelV2(), ProviderPreference.CPU)) {
            Prediction p = classifier.classify(List.of(filled(0f))).get(0);
            assertEquals(1280, p.embedding().length);
            assertTrue(p.unknownScore().isEmpty());
        }
    }

    @Test
    void anOptionalOutputTheMetadataNamesButTheGraphLacksIsRefused() throws Exception {
        Path model = TinyOnnx.six().meta("unknown_output", "distance").write(dir.resolve("lying.onnx"));
        ModelLoadException e =
                assertThrows(ModelLoadException.class, () -> RoomClassifier.open(model, ProviderPreference.CPU));
        assertTrue(e.getMessage().contains("'distance'"), e.getMessage());
    }

    @Test
    void aPredictionCannotBeChangedThroughItsEmbedding() {
        float[] embedding = {1f, 2f};
        Prediction p = Prediction.of(List.of("A", "B"), new float[] {0.4f, 0.6f}, embedding, OptionalDouble.of(0.3));
        embedding[0] = 99f;
        p.embedding()[1] = 99f;
        assertArrayEquals(new float[] {1f, 2f}, p.embedding());
        assertEquals(
                p,
                Prediction.of(
                        List.of("A", "B"), new float[] {0.4f, 0.6f}, new float[] {1f, 2f}, OptionalDouble.of(0.3)));
    }
}
