package org.roomnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.review.FileStamp;
import org.roomnet.core.review.ListingMark;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewClaim;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.SavedPhoto;
import org.roomnet.core.review.SavedReview;
import org.roomnet.testing.TestPhotos;

/** The command line and the review file: damaged lines, a file that is no review, a shoot open in the app. */
class ReviewFileCommandTest {

    private static final List<String> CLASSES =
            List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom");

    @TempDir
    Path tmp;

    private Path shoot;
    private Path out;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty("roomnet.home", tmp.resolve("home").toString());
        shoot = Files.createDirectories(tmp.resolve("12 Main St"));
        out = tmp.resolve("upload");
        for (int i = 1; i <= 5; i++) {
            TestPhotos.writeJpeg(TestPhotos.pattern(800, 600, i), shoot.resolve("IMG_" + i + ".jpg"), false);
        }
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true));
    }

    @AfterEach
    void tearDown() {
        System.setErr(originalErr);
        System.clearProperty("roomnet.home");
    }

    /** The app's review: IMG_4 rejected, IMG_5 the cover (Frontyard). */
    private void saveReview() throws IOException {
        List<SavedPhoto> photos = new ArrayList<>();
        String[] labels = {"Kitchen", "LivingRoom", "Kitchen", "Bathroom", "Frontyard"};
        for (int i = 1; i <= 5; i++) {
            Path f = shoot.resolve("IMG_" + i + ".jpg");
            ListingMark mark = i == 4
                    ? new ListingMark(true, false, 0)
                    : i == 5 ? new ListingMark(false, true, 0) : ListingMark.NONE;
            float[] scores = new float[CLASSES.size()];
            scores[0] = 1f;
            photos.add(new SavedPhoto(
                    PhotoReview.fromPrediction(f, Prediction.of(CLASSES, scores), labels[i - 1], mark),
                    FileStamp.of(f).orElseThrow(),
                    1000 + i));
        }
        ReviewSidecar.write(shoot, new SavedReview("roomnet", "test", CLASSES, photos));
    }

    private int export(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "export-listing",
                shoot.toString(),
                "--into",
                out.toString(),
                "--preset",
                "web",
                "--model",
                TestPhotos.modelV2().toString(),
                "--provider",
                "cpu"));
        args.addAll(List.of(more));
        return RoomNetCommand.execute(args.toArray(String[]::new));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDamagedLineStopsTheExportNamingItUnlessToldToGoOnWithTheGoodLines() throws Exception {
        saveReview();
        Path file = ReviewSidecar.fileIn(shoot);
        String text = Files.readString(file);
        int at = text.indexOf("PHOTO\tIMG_4.jpg\t") + "PHOTO\tIMG_4.jpg\t".length();
        Files.writeString(file, text.substring(0, at) + "x" + text.substring(text.indexOf('\t', at)));
        int damagedLine =
                (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;

        assertEquals(4, export(), stderr.toString());
        assertTrue(stderr.toString().contains("line " + damagedLine + " ("), stderr.toString());
        assertTrue(stderr.toString().contains("--ignore-damaged-review"), stderr.toString());
        assertFalse(Files.exists(out), "nothing exported");

        assertEquals(0, export("--ignore-damaged-review"), stderr.toString());
        List<String> written = names(out);
        assertEquals("01-frontyard.jpg", written.get(0), "the cover of a good line still leads");
        assertEquals(5, written.size(), "the photo of the damaged line is exported with the model's label");
        assertTrue(stderr.toString().contains("4 photos from the saved review"), stderr.toString());
    }

    @Test
    void aFifoInPlaceOfTheReviewStopsTheExportAtOnce() throws Exception {
        Path fifo = ReviewSidecar.fileIn(shoot);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available here");
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> export());
        assertEquals(4, code, stderr.toString());
        assertTrue(stderr.toString().contains("not a regular file"), stderr.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void anOversizedReviewStopsTheExportWithoutReadingIt() throws Exception {
        try (RandomAccessFile big =
                new RandomAccessFile(ReviewSidecar.fileIn(shoot).toFile(), "rw")) {
            big.setLength(100L << 20);
        }
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> export());
        assertEquals(4, code, stderr.toString());
        assertTrue(stderr.toString().contains("more than any review"), stderr.toString());
    }

    @Test
    void aShootOpenInTheAppIsExportedAsLastSavedButNotMovedFromUnderIt() throws Exception {
        saveReview();
        ReviewClaim claim = ReviewClaim.tryClaim(shoot).claim();
        try {
            assertEquals(0, export(), stderr.toString());
            assertTrue(stderr.toString().contains("note: the shoot is open for review by "), stderr.toString());

            int code = RoomNetCommand.execute(
                    "classify",
                    shoot.toString(),
                    "--organize",
                    "move",
                    "--into",
                    tmp.resolve("sorted").toString(),
                    "--model",
                    TestPhotos.modelV2().toString());
            assertEquals(4, code, stderr.toString());
            assertTrue(stderr.toString().contains("is open for review in RoomNet by "), stderr.toString());
            assertEquals(
                    5, names(shoot).stream().filter(n -> n.endsWith(".jpg")).count(), "nothing moved");
        } finally {
            claim.release();
        }
    }
}
