package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.classify.Prediction;

class PhotoReviewTest {

    private final Path file = Path.of("/shoot/a.jpg");

    @Test
    void aClassifiedResultKeepsTheModelsFirstAndSecondChoice() {
        Prediction p = Prediction.of(Photos.CLASSES, new float[] {0.1f, 0.05f, 0.05f, 0.1f, 0.5f, 0.2f});
        PhotoReview r = PhotoReview.of(PhotoResult.classified(file, p));
        assertEquals("Kitchen", r.modelLabel());
        assertEquals(0.5f, r.confidence());
        assertEquals("LivingRoom", r.secondLabel());
        assertEquals(0.2f, r.secondConfidence());
        assertEquals(6, r.scores().size());
        assertNull(r.agentLabel());
        assertEquals("Kitchen", r.finalLabel());
        assertFalse(r.isCorrected());
    }

    @Test
    void theAgentsLabelIsFinalAndTheModelsStaysRecorded() {
        PhotoReview r = Photos.sure(file, "Kitchen").withAgentLabel("Bathroom");
        assertEquals("Bathroom", r.finalLabel());
        assertEquals("Kitchen", r.modelLabel());
        assertTrue(r.isCorrected());
        assertTrue(r.isReviewed());
    }

    @Test
    void confirmingTheModelsLabelIsReviewedButNotCorrected() {
        PhotoReview r = Photos.sure(file, "Kitchen").withAgentLabel("Kitchen");
        assertTrue(r.isReviewed());
        assertFalse(r.isCorrected());
    }

    @Test
    void anUnreadableFileHasAnErrorAndNoLabel() {
        PhotoReview r = PhotoReview.of(PhotoResult.failed(file, "corrupt image"));
        assertFalse(r.isReadable());
        assertNull(r.finalLabel());
        assertEquals("corrupt image", r.error());
        assertThrows(IllegalArgumentException.class, () -> r.withAgentLabel("Kitchen"));
    }
}
