package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two windows saving one shoot: neither loses the other's edits. */
class ReviewStoreTest {

    @TempDir
    Path folder;

    private Path a;
    private Path b;
    private Path c;

    private void photos() throws IOException {
        a = Files.writeString(folder.resolve("a.jpg"), "a");
        b = Files.writeString(folder.resolve("b.jpg"), "b");
        c = Files.writeString(folder.resolve("c.jpg"), "c");
    }

    private SavedPhoto saved(PhotoReview p, long edited) {
        return new SavedPhoto(p, FileStamp.of(p.file()).orElseThrow(), edited);
    }

    private SavedReview review(SavedPhoto... photos) {
        return new SavedReview("m", "1", Photos.CLASSES, List.of(photos));
    }

    private Map<String, String> labels() throws IOException {
        return ReviewSidecar.read(folder).orElseThrow().photos().stream()
                .collect(java.util.stream.Collectors.toMap(
                        p -> p.review().fileName(),
                        p -> String.valueOf(p.review().finalLabel())));
    }

    @Test
    void twoWindowsOnOneShootKeepBothCorrections() throws IOException {
        photos();
        ReviewStore windowA = new ReviewStore(ReviewSidecar.snapshot(folder));
        ReviewStore windowB = new ReviewStore(ReviewSidecar.snapshot(folder));
        PhotoReview modelA = Photos.sure(a, "Kitchen");
        PhotoReview modelB = Photos.sure(b, "Kitchen");

        assertFalse(windowA.save(review(saved(modelA.withAgentLabel("Bedroom"), 1000), saved(modelB, 0)))
                .merged());
        ReviewStore.Saved second =
                windowB.save(review(saved(modelA, 0), saved(modelB.withAgentLabel("Bathroom"), 2000)));

        assertEquals(Map.of("a.jpg", "Bedroom", "b.jpg", "Bathroom"), labels());
        assertTrue(second.merged(), "B found A's save and merged it");
        assertEquals(
                List.of(a),
                second.changed().stream().map(p -> p.review().file()).toList(),
                "B is told to show A's edit");

        // A goes on from its own state (it has not seen B's edit): B's edit must survive A's next save
        ReviewStore.Saved third = windowA.save(review(
                saved(modelA.withAgentLabel("Bedroom"), 1000),
                saved(modelB, 0),
                saved(Photos.sure(c, "Backyard").withAgentLabel("Frontyard"), 3000)));
        assertTrue(third.merged());
        assertEquals(Map.of("a.jpg", "Bedroom", "b.jpg", "Bathroom", "c.jpg", "Frontyard"), labels());
    }

    @Test
    void theNewerEditOfOnePhotoWinsWhicheverSavesLast() throws IOException {
        photos();
        ReviewStore windowA = new ReviewStore(ReviewSidecar.snapshot(folder));
        ReviewStore windowB = new ReviewStore(ReviewSidecar.snapshot(folder));
        PhotoReview model = Photos.sure(a, "Kitchen");
        windowB.save(review(saved(model.withAgentLabel("Bathroom"), 5000)));
        ReviewStore.Saved older = windowA.save(review(saved(model.withAgentLabel("Bedroom"), 4000)));
        assertEquals("Bathroom", labels().get("a.jpg"), "B's edit is newer");
        assertEquals("Bathroom", older.changed().get(0).review().agentLabel());
    }

    @Test
    void aPhotoOnlyTheOtherWindowHasIsKept() throws IOException {
        photos();
        ReviewStore windowA = new ReviewStore(folder);
        ReviewStore windowB = new ReviewStore(folder);
        windowA.save(review(
                saved(Photos.sure(a, "Kitchen"), 0),
                saved(Photos.sure(c, "Bedroom").withAgentLabel("Kitchen"), 10)));
        windowB.save(review(saved(Photos.sure(b, "Kitchen"), 0)));
        windowB.save(review(saved(Photos.sure(b, "Kitchen").withAgentLabel("Bedroom"), 20)));
        assertEquals(
                Map.of("a.jpg", "Kitchen", "b.jpg", "Bedroom", "c.jpg", "Kitchen"),
                labels(),
                "B's second save (the file unchanged since its first) still carries what it took from A");
    }

    @Test
    void twoCoversMergeIntoTheNewerOne() throws IOException {
        photos();
        ReviewStore windowA = new ReviewStore(folder);
        ReviewStore windowB = new ReviewStore(folder);
        PhotoReview pa = Photos.sure(a, "Kitchen");
        PhotoReview pb = Photos.sure(b, "Kitchen");
        windowA.save(review(saved(pa.withListing(new ListingMark(false, true, 0)), 100), saved(pb, 0)));
        windowB.save(review(saved(pa, 0), saved(pb.withListing(new ListingMark(false, true, 0)), 200)));
        List<SavedPhoto> photos = ReviewSidecar.read(folder).orElseThrow().photos();
        assertEquals(
                List.of("b.jpg"),
                photos.stream()
                        .filter(p -> p.review().listing().cover())
                        .map(p -> p.review().fileName())
                        .toList());
    }

    @Test
    void everySaveKeepsTheFileItReplacesAsTheBackup() throws IOException {
        photos();
        ReviewStore store = new ReviewStore(folder);
        store.save(review(saved(Photos.sure(a, "Kitchen"), 0)));
        byte[] first = Files.readAllBytes(ReviewSidecar.fileIn(folder));
        store.save(review(saved(Photos.sure(a, "Kitchen").withAgentLabel("Bedroom"), 1)));
        assertArrayEquals(first, Files.readAllBytes(ReviewSidecar.backupIn(folder)));
    }

    @Test
    void aDamagedReviewIsCopiedBeforeItIsReplacedAndItsGoodLinesStay() throws IOException {
        photos();
        String damaged = "ROOMNET-REVIEW\t2\nMODEL\tm\t1\nCLASSES\t" + String.join("\t", Photos.CLASSES) + "\n"
                + "PHOTO\tb.jpg\t1\t1\tBedroom\t0.9,0.02,0.02,0.02,0.02,0.02\t\t\t\n"
                + "PHOTO\tc.jpg\tbroken\n";
        Files.writeString(ReviewSidecar.fileIn(folder), damaged);
        ReviewSnapshot opened = ReviewSidecar.snapshot(folder);
        ReviewStore store = new ReviewStore(opened);
        ReviewStore.Saved saved = store.save(review(saved(Photos.sure(a, "Kitchen"), 0)));

        assertNotNull(saved.damagedCopy());
        assertEquals(damaged, Files.readString(saved.damagedCopy()), "the damaged file, as it was");
        assertTrue(saved.damagedCopy()
                .getFileName()
                .toString()
                .startsWith(ReviewSidecar.FILE_NAME + ReviewSidecar.DAMAGED_INFIX));
        assertEquals(Map.of("a.jpg", "Kitchen", "b.jpg", "Bedroom"), labels(), "the good line is not lost");
        assertNull(store.save(review(saved(Photos.sure(a, "Kitchen"), 0))).damagedCopy(), "copied once");
    }

    @Test
    void aReviewFileThatIsAFifoIsNeverReplaced() throws IOException {
        photos();
        Assumptions.assumeTrue(ReviewSidecarTest.mkfifo(ReviewSidecar.fileIn(folder)), "mkfifo is not available here");
        ReviewStore store = new ReviewStore(folder);
        assertThrows(ReviewFileException.class, () -> store.save(review(saved(Photos.sure(a, "Kitchen"), 0))));
        assertFalse(Files.isRegularFile(ReviewSidecar.fileIn(folder)), "still the FIFO");
        try (Stream<Path> files = Files.list(folder)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(ReviewSidecar.BACKUP_SUFFIX)));
        }
    }
}
