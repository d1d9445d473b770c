package org.roomnet.core.memory;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Memory m = Memory.empty(Embeddings.MODEL).with(Embeddings.clusters(gen, List.of(study), List.of("Study"), 10,
                0.05f, "s"));
        MemoryBlend blend = new MemoryBlend(m, MODEL, BlendSettings.DEFAULT);
        assertEquals(List.of("Bedroom", "Kitchen", "LivingRoom", "Study"), blend.classNames());
        MemoryBlend.Blended b = blend.blend(SURE_BEDROOM, gen.near(study, 0.05f));
        assertEquals(3, argmax(b.scores()));
        assertTrue(b.fromMemory());
        assertEquals(1f, b.scores()[0] + b.scores()[1] + b.scores()[2] + b.scores()[3], 1e-5f);
    }

    @Test
    void farMemoriesLeaveTheModelAlone() {
        Memory m = Memory.empty(Embeddings.MODEL).with(Embeddings.clusters(gen, List.of(gen.centre()), List.of("Study"),
                10, 0.05f, "s"));
        MemoryBlend.Blended b = new MemoryBlend(m, MODEL, BlendSettings.DEFAULT).blend(SURE_BEDROOM, gen.centre());
        assertEquals(0, argmax(b.scores()));
        assertEquals(0f, b.scores()[3]);
        assertFalse(b.fromMemory());
        assertEquals(0f, b.memoryWeight());
    }

    @Test
    void aCorrectionOfAModelClassWinsWhenTheNeighboursAreClose() {
        float[] look = gen.centre();
        Memory m = Memory.empty(Embeddings.MODEL).with(Embeddings.clusters(gen, List.of(look), List.of("LivingRoom"),
                10, 0.05f, "s"));
        MemoryBlend blend = new MemoryBlend(m, MODEL, BlendSettings.DEFAULT);
        assertEquals(MODEL, blend.classNames());
        MemoryBlend.Blended b = blend.blend(SURE_BEDROOM, gen.near(look, 0.05f));
        assertEquals(2, argmax(b.scores()));
        assertTrue(b.fromMemory());
        assertEquals(0.9f * 1f + 0.1f * 0.05f, b.scores()[2], 1e-4f);
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
