package org.roomnet.core.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SidecarAutosaveTest {

    @TempDir
    Path folder;

    @Test
    void theLatestStateIsWrittenOnceAfterAQuietPeriodAndOnClose() throws IOException {
        Path a = Files.writeString(folder.resolve("a.jpg"), "a");
        List<IOException> errors = new ArrayList<>();
        try (SidecarAutosave autosave = new SidecarAutosave(folder, "m", "1", List.of(), List.of(), 60_000, errors::add)) {
            autosave.schedule(Photos.CLASSES, List.of(Photos.sure(a, "Kitchen")));
            autosave.schedule(Photos.CLASSES, List.of(Photos.sure(a, "Kitchen").withAgentLabel("Bathroom")));
            assertFalse(Files.exists(ReviewSidecar.fileIn(folder)), "nothing written during the quiet period");
        }
        SavedReview saved = ReviewSidecar.read(folder).orElseThrow();
        assertEquals("Bathroom", saved.photos().get(0).review().agentLabel());
        assertEquals(FileStamp.of(a).orElseThrow(), saved.photos().get(0).stamp());
        assertTrue(errors.isEmpty());
    }

    @Test
    void carriedPhotosAreWrittenBack() throws IOException {
        Path a = Files.writeString(folder.resolve("a.jpg"), "a");
        Path other = Files.writeString(folder.resolve("other.jpg"), "o");
        SavedPhoto carried = new SavedPhoto(Photos.sure(other, "Bedroom"), FileStamp.of(other).orElseThrow());
        try (SidecarAutosave autosave = new SidecarAutosave(folder, "m", "1", List.of(carried), List.of(), 10, e -> { })) {
            autosave.schedule(Photos.CLASSES, List.of(Photos.sure(a, "Kitchen")));
            autosave.flush();
            assertEquals(2, ReviewSidecar.read(folder).orElseThrow().photos().size());
        }
    }
}
