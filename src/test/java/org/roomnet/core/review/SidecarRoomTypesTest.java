package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, point 3, for room types that do not come from a model: a saved review opened without a model
 * sorts by its own room types, so they pass the same check as a model's class names.
 */
class SidecarRoomTypesTest {

    @TempDir
    Path folder;

    @Test
    void aSavedReviewWhoseRoomTypesAreNoPlainFolderNamesIsNotUsed() throws IOException {
        Files.writeString(
                ReviewSidecar.fileIn(folder),
                "ROOMNET-REVIEW\t2\nMODEL\tm\t1\nCLASSES\tKitchen\t../../escape\n"
                        + "PHOTO\ta.jpg\t10\t20\t../../escape\t0.3,0.7\t\t\t\n");
        ReviewSnapshot snapshot = ReviewSidecar.snapshot(folder);
        assertTrue(snapshot.saved().isEmpty(), "the review is not used");
        assertTrue(snapshot.isDamaged());
        assertTrue(
                snapshot.damageSummary().contains("'../../escape' holds a path separator"), snapshot.damageSummary());
    }
}
