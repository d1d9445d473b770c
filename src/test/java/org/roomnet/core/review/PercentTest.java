package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentTest {

    @Test
    void figuresAreTruncatedSoTheyNeverCrossAThreshold() {
        assertEquals("59 %", Percent.whole(0.596f));
        assertEquals("59.6 %", Percent.tenths(0.596f));
        assertEquals("59.9 %", Percent.tenths(0.59999f));
        assertEquals("60 %", Percent.whole(ReviewRules.FIXED.lowConfidence()));
        assertEquals("100 %", Percent.whole(1f));
        assertEquals("0 %", Percent.whole(0f));
    }

    @Test
    void theReasonsSayWhatTheRuleCompared() {
        PhotoReview low = Photos.photo(Path.of("/s/a.jpg"), "Kitchen", 0.596f, 0.2f);
        assertTrue(ReviewRules.FIXED.isLowConfidence(low));
        assertEquals(List.of("low confidence: 59.6 % is below 60 %"), ReviewRules.FIXED.reasons(low));

        PhotoReview close = Photos.photo(Path.of("/s/b.jpg"), "Kitchen", 0.5f, 0.4f);
        assertEquals(
                List.of(
                        "low confidence: 50.0 % is below 60 %",
                        "close second choice: LivingRoom 40.0 % is within 15 points"),
                ReviewRules.FIXED.reasons(close));

        assertEquals(List.of(), ReviewRules.FIXED.reasons(Photos.sure(Path.of("/s/c.jpg"), "Kitchen")));
        assertEquals(List.of(), ReviewRules.FIXED.reasons(low.withAgentLabel("Kitchen")), "reviewed: nothing to flag");
    }
}
