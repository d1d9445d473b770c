package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewSidecarTest {

    @TempDir
    Path folder;

    private SavedReview sample() {
        PhotoReview kitchen = Photos.photo(folder.resolve("k.jpg"), "Kitchen", 0.51234567f, 0.3f)
                .withAgentLabel("Bedroom");
        PhotoReview noted = Photos.sure(folder.resolve("p3.png"), "Bathroom")
                .withWarning("colour profile unreadable, assumed sRGB")
                .proposedByMemory();
        PhotoReview odd = Photos.sure(folder.resolve("tab\there\\name.jpg"), "Backyard")
                .withListing(new ListingMark(false, true, 3));
        PhotoReview rejected =
                Photos.sure(folder.resolve("r.jpg"), "Bedroom").withListing(new ListingMark(true, false, 0));
        PhotoReview broken = PhotoReview.unreadable(folder.resolve("x.jpg"), "corrupt image:\n\tbad marker");
        return new SavedReview(
                "roomnet",
                "2",
                Photos.CLASSES,
                List.of(
                        new SavedPhoto(kitchen, new FileStamp(1234, 1_700_000_000_123L)),
                        new SavedPhoto(odd, new FileStamp(1, 2)),
                        new SavedPhoto(rejected, new FileStamp(5, 6)),
                        new SavedPhoto(noted, new FileStamp(7, 8)),
                        new SavedPhoto(broken, new FileStamp(3, 4))));
    }

    @Test
    void aWrittenReviewReadsBackTheSame() throws IOException {
        SavedReview saved = sample();
        ReviewSidecar.write(folder, saved);
        SavedReview read = ReviewSidecar.read(folder).orElseThrow();
        assertEquals(saved, read);
        assertEquals(0.51234567f, read.photos().get(0).review().confidence());
        assertEquals("Kitchen", read.photos().get(0).review().modelLabel());
        assertEquals("Bedroom", read.photos().get(0).review().agentLabel());
        PhotoReview noted = read.photos().get(3).review();
        assertEquals("colour profile unreadable, assumed sRGB", noted.warning(), "the decoder's note is kept");
        assertEquals("memory", noted.source(), "a label the memory proposed stays the memory's");
    }

    @Test
    void aVersion1SidecarWithoutListingColumnsIsStillRead() throws IOException {
        Files.writeString(
                ReviewSidecar.fileIn(folder),
                "ROOMNET-REVIEW\t1\nMODEL\tm\t1\nCLASSES\tA\tB\n" + "PHOTO\ta.jpg\t10\t20\tB\t0.7,0.3\n",
                StandardCharsets.UTF_8);
        PhotoReview p = ReviewSidecar.read(folder).orElseThrow().photos().get(0).review();
        assertEquals("B", p.agentLabel());
        assertEquals(ListingMark.NONE, p.listing());
    }

    @Test
    void theSidecarIsAHiddenFileTheReplacedOneIsKeptAndNoTemporaryFileStays() throws IOException {
        ReviewSidecar.write(folder, sample());
        byte[] first = Files.readAllBytes(ReviewSidecar.fileIn(folder));
        ReviewSidecar.write(folder, sample());
        try (var files = Files.list(folder)) {
            assertEquals(
                    List.of(ReviewSidecar.FILE_NAME, ReviewSidecar.FILE_NAME + ReviewSidecar.BACKUP_SUFFIX),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(first, Files.readAllBytes(ReviewSidecar.backupIn(folder)), "the backup is the replaced file");
        assertTrue(ReviewSidecar.FILE_NAME.startsWith("."));
        assertEquals(2, ReviewSidecar.snapshot(folder).generation(), "each save counts one generation");
    }

    @Test
    void noSidecarIsEmpty() throws IOException {
        assertEquals(Optional.empty(), ReviewSidecar.read(folder));
    }

    @Test
    void anotherFormatVersionIsRefusedWithAReason() throws IOException {
        Files.writeString(ReviewSidecar.fileIn(folder), "ROOMNET-REVIEW\t99\n", StandardCharsets.UTF_8);
        ReviewSnapshot snapshot = ReviewSidecar.snapshot(folder);
        assertTrue(snapshot.saved().isEmpty());
        assertTrue(snapshot.damageSummary().contains("version 99"), snapshot.damageSummary());
    }

    @Test
    void aDamagedLineIsNamedAndEveryGoodLineIsKept() throws IOException {
        Files.writeString(
                ReviewSidecar.fileIn(folder),
                "ROOMNET-REVIEW\t2\nMODEL\tm\t1\nCLASSES\tA\tB\n"
                        + "PHOTO\ta.jpg\t1\t1\tB\t0.5,0.5\trejected\t\t\n"
                        + "PHOTO\tb.jpg\tnot-a-number\t1\t\t0.5,0.5\t\t\t\n"
                        + "PHOTO\tc.jpg\t1\t1\t\t0.9,0.1\t\tcover\t\n"
                        + "PHOTO\td.jpg\t1\n"
                        + "PHOTO\t../../etc/e.jpg\t1\t1\t\t0.9,0.1\t\t\t\n");
        ReviewSnapshot snapshot = ReviewSidecar.snapshot(folder);
        assertEquals(
                List.of(5, 7, 8),
                snapshot.damaged().stream().map(DamagedLine::number).toList());
        assertTrue(snapshot.damageSummary().startsWith("line 5 ("), snapshot.damageSummary());
        List<SavedPhoto> kept = snapshot.saved().orElseThrow().photos();
        assertEquals(
                List.of("a.jpg", "c.jpg"),
                kept.stream().map(p -> p.review().fileName()).toList());
        assertTrue(kept.get(0).review().listing().rejected(), "the reject of a good line is kept");
        assertTrue(kept.get(1).review().listing().cover(), "the cover of a good line is kept");
    }

    @Test
    void aLineThatIsNotUtf8IsDamagedAndTheOthersAreKept() throws IOException {
        byte[] head = "ROOMNET-REVIEW\t2\nMODEL\tm\t1\nCLASSES\tA\tB\nPHOTO\ta.jpg\t1\t1\tB\t0.5,0.5\t\t\t\nPHOTO\t"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28};
        byte[] tail =
                ".jpg\t1\t1\t\t0.5,0.5\t\t\t\nPHOTO\tz.jpg\t1\t1\tA\t0.5,0.5\t\t\t\n".getBytes(StandardCharsets.UTF_8);
        Files.write(ReviewSidecar.fileIn(folder), concat(head, bad, tail));
        ReviewSnapshot snapshot = ReviewSidecar.snapshot(folder);
        assertEquals(
                List.of(5), snapshot.damaged().stream().map(DamagedLine::number).toList());
        assertEquals(2, snapshot.saved().orElseThrow().photos().size());
    }

    @Test
    void aDamagedHeaderMakesTheWholeFileDamagedNotEmpty() throws IOException {
        Files.writeString(ReviewSidecar.fileIn(folder), "ROOMNET-REVXEW\t2\nMODEL\tm\t1\n");
        ReviewSnapshot snapshot = ReviewSidecar.snapshot(folder);
        assertTrue(snapshot.exists());
        assertTrue(snapshot.isDamaged(), "never mistaken for no review");
        assertTrue(snapshot.saved().isEmpty());
        assertEquals(1, snapshot.damaged().get(0).number());
    }

    @Test
    void editTimesAndTheGenerationAreKeptAndVersion2ReadsAsNeverEdited() throws IOException {
        Path a = folder.resolve("a.jpg");
        SavedReview review = new SavedReview(
                "m",
                "1",
                Photos.CLASSES,
                List.of(new SavedPhoto(
                        Photos.sure(a, "Kitchen").withAgentLabel("Bedroom"), new FileStamp(1, 2), 1_700_000_000_999L)));
        ReviewSidecar.write(folder, review);
        ReviewSidecar.write(folder, review);
        ReviewSnapshot snapshot = ReviewSidecar.snapshot(folder);
        assertEquals(review, snapshot.saved().orElseThrow());
        assertEquals(2, snapshot.generation());
        Files.writeString(
                ReviewSidecar.fileIn(folder),
                "ROOMNET-REVIEW\t2\nMODEL\tm\t1\nCLASSES\tA\tB\n" + "PHOTO\ta.jpg\t10\t20\tB\t0.7,0.3\t\tcover\t2\n");
        SavedPhoto old =
                ReviewSidecar.snapshot(folder).saved().orElseThrow().photos().get(0);
        assertEquals(0, old.editedMillis());
        assertTrue(old.review().listing().cover());
    }

    @Test
    void aFifoInPlaceOfTheReviewIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = ReviewSidecar.fileIn(folder);
        Assumptions.assumeTrue(mkfifo(fifo), "mkfifo is not available here");
        ReviewFileException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThrows(ReviewFileException.class, () -> ReviewSidecar.snapshot(folder)));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aSymbolicLinkInPlaceOfTheReviewIsRefused() throws IOException {
        Path real = folder.resolve("elsewhere.tsv");
        ReviewSidecar.write(folder, sample());
        Files.move(ReviewSidecar.fileIn(folder), real);
        try {
            Files.createSymbolicLink(ReviewSidecar.fileIn(folder), real);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here");
        }
        assertThrows(ReviewFileException.class, () -> ReviewSidecar.snapshot(folder));
    }

    @Test
    void anOversizedReviewIsRefusedWithoutReadingIt() throws Exception {
        try (RandomAccessFile big =
                new RandomAccessFile(ReviewSidecar.fileIn(folder).toFile(), "rw")) {
            big.setLength(100L << 20); // sparse: 100 MB on paper, nothing on disk
        }
        ReviewFileException e = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThrows(ReviewFileException.class, () -> ReviewSidecar.snapshot(folder)));
        assertTrue(e.getMessage().contains("104,857,600 bytes"), e.getMessage());
    }

    static boolean mkfifo(Path path) {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString())
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor() == 0 && !Files.isRegularFile(path);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
