package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarAutosaveTest {

    @TempDir
    Path folder;

    @Test
    void theLatestStateIsWrittenOnceAfterAQuietPeriodAndOnClose() throws IOException {
        Path a = Files.writeString(folder.resolve("a.jpg"), "a");
        List<IOException> errors = new ArrayList<>();
        SidecarAutosave autosave = new SidecarAutosave(folder, "m", "1", List.of(), List.of(), 60_000, errors::add);
        autosave.schedule(Photos.CLASSES, List.of(Photos.sure(a, "Kitchen")));
        autosave.schedule(Photos.CLASSES, List.of(Photos.sure(a, "Kitchen").withAgentLabel("Bathroom")));
        assertFalse(Files.exists(ReviewSidecar.fileIn(folder)), "nothing written during the quiet period");
        autosave.closeAsync().join();
        SavedReview saved = ReviewSidecar.read(folder).orElseThrow();
        assertEquals("Bathroom", saved.photos().get(0).review().agentLabel());
        assertEquals(FileStamp.of(a).orElseThrow(), saved.photos().get(0).stamp());
        assertTrue(errors.isEmpty());
    }

    @Test
    void closingReturnsAtOnceAndTheLastWriteFinishesInTheBackground() throws Exception {
        Path a = Files.writeString(folder.resolve("a.jpg"), "a");
        CountDownLatch diskIsSlow = new CountDownLatch(1);
        List<SavedReview> written = new CopyOnWriteArrayList<>();
        SidecarAutosave autosave =
                new SidecarAutosave("m", "1", List.of(), List.of(), 60_000, e -> {}, s -> {}, review -> {
                    try {
                        diskIsSlow.await();
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                    written.add(review);
                    return new ReviewStore.Saved(false, List.of(), false, null);
                });
        autosave.schedule(Photos.CLASSES, List.of(Photos.sure(a, "Kitchen")));

        CompletableFuture<Void> saved = autosave.closeAsync();

        assertFalse(saved.isDone(), "close did not wait for the disk");
        assertTrue(written.isEmpty());
        diskIsSlow.countDown();
        saved.get(10, TimeUnit.SECONDS);
        assertEquals(1, written.size());
        assertEquals("Kitchen", written.get(0).photos().get(0).review().finalLabel());
    }

    @Test
    void carriedPhotosAreWrittenBack() throws IOException {
        Path a = Files.writeString(folder.resolve("a.jpg"), "a");
        Path other = Files.writeString(folder.resolve("other.jpg"), "o");
        SavedPhoto carried = new SavedPhoto(
                Photos.sure(other, "Bedroom"), FileStamp.of(other).orElseThrow());
        try (SidecarAutosave autosave =
                new SidecarAutosave(folder, "m", "1", List.of(carried), List.of(), 10, e -> {})) {
            autosave.schedule(Photos.CLASSES, List.of(Photos.sure(a, "Kitchen")));
            autosave.flush();
            assertEquals(2, ReviewSidecar.read(folder).orElseThrow().photos().size());
        }
    }
}
