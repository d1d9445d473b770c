package org.roomnet.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionTest {

    private final List<String> names = List.of("A", "B", "C");

    @Test
    void bestAndSecondChoice() {
        Prediction p = Prediction.of(names, new float[] {0.2f, 0.5f, 0.3f});
        assertEquals("B", p.label());
        assertEquals(0.5f, p.confidence());
        assertEquals("C", p.secondLabel());
        assertEquals(0.3f, p.secondConfidence());
        assertEquals(0.2f, p.score("A"));
    }

    @Test
    void secondChoiceWhenBestIsFirst() {
        Prediction p = Prediction.of(names, new float[] {0.7f, 0.1f, 0.2f});
        assertEquals("A", p.label());
        assertEquals("C", p.secondLabel());
    }
}
