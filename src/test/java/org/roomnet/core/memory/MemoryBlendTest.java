package org.roomnet.core.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.roomnet.core.classify.Prediction;

class MemoryBlendTest {

    private static final List<String> MODEL = List.of("Bedroom", "Kitchen", "LivingRoom");
    private static final List<Float> SURE_BEDROOM = List.of(0.90f, 0.05f, 0.05f);

    private final Embeddings gen = new Embeddings(3, 256);

    @Test
    void anEmptyMemoryLeavesTheModelsScores() {
        MemoryBlend blend = new MemoryBlend(Memory.empty(Embeddings.MODEL), MODEL, BlendSettings.DEFAULT);
        MemoryBlend.Blended b = blend.blend(SURE_BEDROOM, gen.centre());
        assertEquals(MODEL, b.classNames());
        assertEquals(0.90f, b.scores()[0]);
        assertFalse(b.fromMemory());
    }

    @Test
    void closeMemoriesOfANewTypeLabelThePhotoAndSaySo() {
        float[] study = gen.centre();
        Memory m = Memory.empty(Embeddings.MODEL)
                .with(Embeddings.clusters(gen, List.of(study), List.of("Study"), 10, 0.05f, "s"));
        MemoryBlend blend = new MemoryBlend(m, MODEL, BlendSettings.DEFAULT);
        assertEquals(List.of("Bedroom", "Kitchen", "LivingRoom", "Study"), blend.classNames());
        MemoryBlend.Blended b = blend.blend(SURE_BEDROOM, gen.near(study, 0.05f));
        assertEquals(3, argmax(b.scores()));
        assertTrue(b.fromMemory());
        assertEquals(1f, b.scores()[0] + b.scores()[1] + b.scores()[2] + b.scores()[3], 1e-5f);
    }

    @Test
    void farMemoriesLeaveTheModelAlone() {
        Memory m = Memory.empty(Embeddings.MODEL)
                .with(Embeddings.clusters(gen, List.of(gen.centre()), List.of("Study"), 10, 0.05f, "s"));
        MemoryBlend.Blended b = new MemoryBlend(m, MODEL, BlendSettings.DEFAULT).blend(SURE_BEDROOM, gen.centre());
        assertEquals(0, argmax(b.scores()));
        assertEquals(0f, b.scores()[3]);
        assertFalse(b.fromMemory());
        assertEquals(0f, b.memoryWeight());
    }

    @Test
    void aCorrectionOfAModelClassWinsWhenTheNeighboursAreClose() {
        float[] look = gen.centre();
        Memory m = Memory.empty(Embeddings.MODEL)
                .with(Embeddings.clusters(gen, List.of(look), List.of("LivingRoom"), 10, 0.05f, "s"));
        MemoryBlend blend = new MemoryBlend(m, MODEL, BlendSettings.DEFAULT);
        assertEquals(MODEL, blend.classNames());
        MemoryBlend.Blended b = blend.blend(SURE_BEDROOM, gen.near(look, 0.05f));
        assertEquals(2, argmax(b.scores()));
        assertTrue(b.fromMemory());
        assertEquals(0.9f * 1f + 0.1f * 0.05f, b.scores()[2], 1e-4f);
    }

    @Test
    void theUnknownLabelGivesWayNearTheAgencysPhotosButTheUnknownScoreStays() {
        Memory m =
                Memory.empty(Embeddings.MODEL).with(List.of(MemoryEntry.of("Kitchen", "s", "k.jpg", "aa", 1, unit(0))));
        MemoryBlend blend = new MemoryBlend(m, MODEL, BlendSettings.DEFAULT);
        // the model: Bedroom on top, but far from its training photos, so labelled its unknown class ("LivingRoom"
        // here)
        float[] bedroom = {0.90f, 0.05f, 0.05f};

        float[] familiar = at(0.55f); // under the vote's ramp (0.6), over FAMILIAR_SIMILARITY
        MemoryBlend.Recalled near = blend.recall(
                Prediction.of(MODEL, bedroom, familiar, OptionalDouble.of(0.9)).withLabel("LivingRoom"));
        assertEquals("Bedroom", near.prediction().label(), "the model's own top class");
        assertTrue(near.fromMemory());
        assertEquals(OptionalDouble.of(0.9), near.prediction().unknownScore(), "still flagged for review");
        assertEquals(0.90f, near.prediction().confidence(), 1e-6f, "the model's scores: the memory did not vote");

        MemoryBlend.Recalled far = blend.recall(
                Prediction.of(MODEL, bedroom, at(0.40f), OptionalDouble.of(0.9)).withLabel("LivingRoom"));
        assertEquals("LivingRoom", far.prediction().label(), "unlike the agency's photos too: the unknown label stays");
        assertFalse(far.fromMemory());
    }

    /** A unit vector of the test's dimension along axis {@code i}. */
    private float[] unit(int i) {
        float[] v = new float[256];
        v[i] = 1f;
        return v;
    }

    /** A unit vector at cosine similarity {@code cos} to {@link #unit(int) unit(0)}. */
    private float[] at(float cos) {
        float[] v = unit(0);
        v[0] = cos;
        v[1] = (float) Math.sqrt(1 - cos * cos);
        return v;
    }

    @Test
    void theWeightRampsWithTheNearestSimilarity() {
        BlendSettings s = BlendSettings.DEFAULT;
        assertEquals(0f, s.weight(s.rampLow()));
        assertEquals(s.maxWeight() / 2, s.weight((s.rampLow() + s.rampHigh()) / 2), 1e-5f);
        assertEquals(s.maxWeight(), s.weight(0.99f));
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
