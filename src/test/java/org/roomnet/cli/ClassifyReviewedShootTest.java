package org.roomnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.review.FileStamp;
import org.roomnet.core.review.ListingMark;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.SavedPhoto;
import org.roomnet.core.review.SavedReview;
import org.roomnet.testing.Snapshot;
import org.roomnet.testing.TestPhotos;

/**
 * {@code classify} on a shoot the agent reviewed in the app: --organize follows the saved review (a rejected photo
 * stays where it is), the CSV goes straight to stdout, and the summary counts a damaged photo as an error (issue 19).
 */
class ClassifyReviewedShootTest {

    private static String version;
    private static List<String> classes;

    @TempDir
    Path tmp;

    private Path shoot;
    private List<Path> photos;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeAll
    static void model() throws Exception {
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            version = classifier.description().version();
            classes = classifier.description().classNames();
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        System.setProperty("roomnet.home", tmp.resolve("home").toString());
        shoot = Files.createDirectories(tmp.resolve("shoot"));
        photos = new ArrayList<>(TestPhotos.copyFromPool("houses", "Kitchen", 2, shoot));
        photos.addAll(TestPhotos.copyFromPool("houses", "Bathroom", 1, shoot));
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(stderr, true));
        System.setOut(new PrintStream(stdout, true));
    }

    @AfterEach
    void tearDown() {
        System.setErr(originalErr);
        System.setOut(originalOut);
        System.clearProperty("roomnet.home");
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--model", TestPhotos.model().toString(), "--no-memory"));
        stderr.reset();
        stdout.reset();
        int code = RoomNetCommand.execute(all.toArray(String[]::new));
        assertFalse(stderr.toString().contains("Exception"), stderr.toString());
        return code;
    }

    /** The app's saved review: {@code rejected} rejected, {@code corrected} relabelled FloorPlan by the agent. */
    private void review(Path rejected, Path corrected) throws IOException {
        float[] scores = new float[classes.size()];
        scores[classes.indexOf("Kitchen")] = 1f;
        List<SavedPhoto> saved = new ArrayList<>();
        for (Path f : photos) {
            PhotoReview p = PhotoReview.fromPrediction(
                    f,
                    Prediction.of(classes, scores),
                    f.equals(corrected) ? "FloorPlan" : null,
                    f.equals(rejected) ? new ListingMark(true, false, 0) : ListingMark.NONE);
            saved.add(new SavedPhoto(p, FileStamp.of(f).orElseThrow()));
        }
        ReviewSidecar.write(shoot, new SavedReview("RoomNet", version, classes, saved));
    }

    @Test
    void aPhotoRejectedInTheAppIsNotMovedIsReportedAndUndoPutsTheRestBack() throws Exception {
        Path rejected = photos.get(0);
        Path corrected = photos.get(2);
        review(rejected, corrected);
        Map<String, String> before = Snapshot.of(shoot);
        Path into = tmp.resolve("sorted");

        assertEquals(
                0,
                run("classify", shoot.toString(), "--organize", "move", "--into", into.toString()),
                stderr.toString());
        String err = stderr.toString();
        assertTrue(err.contains("not organized " + rejected + ": rejected in the saved review, left where it is"), err);
        assertTrue(err.contains("moved 2 photos into " + into + "; 1 rejected photo left in place"), err);
        assertTrue(Files.exists(rejected), "the rejected photo stays in the shoot");
        assertTrue(
                Files.exists(into.resolve("FloorPlan").resolve(corrected.getFileName())), "the agent's label: " + err);
        assertTrue(
                Files.exists(into.resolve("Kitchen").resolve(photos.get(1).getFileName())), "the saved label: " + err);
        try (Stream<Path> sorted = Files.walk(into)) {
            assertFalse(
                    sorted.anyMatch(p -> p.getFileName().equals(rejected.getFileName())), "nor anywhere in " + into);
        }

        assertEquals(0, RoomNetCommand.execute("undo", shoot.toString()), stderr.toString());
        assertEquals(before, Snapshot.of(shoot), "undo puts the moved photos back; the rejected one never left");
        assertFalse(Files.exists(into.resolve("FloorPlan")));
    }

    @Test
    void noReviewSortsByTheModelAloneRejectsIncluded() throws Exception {
        review(photos.get(0), photos.get(2));
        Path into = tmp.resolve("sorted");
        assertEquals(
                0,
                run("classify", shoot.toString(), "--organize", "copy", "--into", into.toString(), "--no-review"),
                stderr.toString());
        assertTrue(stderr.toString().contains("copied 3 photos"), stderr.toString());
        assertFalse(Files.exists(into.resolve("FloorPlan")), "the agent's label is not used");
    }

    @Test
    void aDamagedReviewStopsOrganizeBeforeAnythingIsClassified() throws Exception {
        review(photos.get(0), null);
        Path sidecar = ReviewSidecar.fileIn(shoot);
        Files.writeString(sidecar, Files.readString(sidecar) + "PHOTO\tnot a photo line\n");
        Map<String, String> before = Snapshot.of(shoot);
        int code = run(
                "classify",
                shoot.toString(),
                "--organize",
                "move",
                "--into",
                tmp.resolve("sorted").toString());
        assertEquals(RoomNetCommand.EXIT_FILES, code, stderr.toString());
        assertTrue(
                stderr.toString().contains("damaged lines") && stderr.toString().contains("--no-review"),
                stderr.toString());
        assertFalse(stderr.toString().contains("classified 1/"), "stopped before classifying");
        assertEquals(before, Snapshot.of(shoot));
    }

    @Test
    void withoutAReportFileTheCsvGoesToStdoutAsTheFileWouldHoldIt() throws Exception {
        Files.copy(photos.get(1), shoot.resolve("K\u00fcche \u00e9t\u00e9.jpg"));
        Path csv = tmp.resolve("rooms.csv");
        assertEquals(0, run("classify", shoot.toString(), "--csv", csv.toString()), stderr.toString());
        assertEquals(0, stdout.size(), "with --csv nothing goes to stdout");
        assertEquals(0, run("classify", shoot.toString()), stderr.toString());
        assertArrayEquals(Files.readAllBytes(csv), stdout.toByteArray(), "the same UTF-8 bytes as the file");
        assertTrue(stdout.toString(java.nio.charset.StandardCharsets.UTF_8).contains("K\u00fcche \u00e9t\u00e9.jpg"));
    }

    @Test
    void theSummaryCountsADamagedPhotoAsAnErrorNotInItsRoom() throws Exception {
        Files.write(shoot.resolve("cut.jpg"), TestPhotos.cutWithEndMarker(Files.readAllBytes(photos.get(0)), 0.4));
        assertEquals(
                0,
                run(
                        "classify",
                        shoot.toString(),
                        "--csv",
                        tmp.resolve("rooms.csv").toString()),
                stderr.toString());
        List<String> lines = stderr.toString().lines().toList();
        int start = lines.indexOf("summary:");
        int rooms = 0;
        for (String line : lines.subList(start + 1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length == 2 && classes.contains(cells[0])) {
                rooms += Integer.parseInt(cells[1]);
            }
        }
        assertEquals(3, rooms, "three intact photos in rooms:\n" + stderr);
        assertTrue(stderr.toString().matches("(?s).*damaged\\s+1\\n.*"), stderr.toString());
    }
}
