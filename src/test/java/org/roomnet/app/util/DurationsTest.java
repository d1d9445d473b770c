package org.roomnet.app.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void timeLeftIsRoundedForPeople() {
        assertEquals("a few seconds left", Durations.timeLeft(3));
        assertEquals("about 40 s left", Durations.timeLeft(37));
        assertEquals("about 3 min left", Durations.timeLeft(170));
        assertEquals("about 1 h 20 min left", Durations.timeLeft(4800));
        assertEquals("", Durations.timeLeft(Double.NaN));
    }

    @Test
    void theEstimateWaitsForEnoughData() {
        assertTrue(Double.isNaN(Durations.estimateLeft(1, 100, 2)));
        assertEquals(90.0, Durations.estimateLeft(10, 100, 10), 1e-9);
    }
}
