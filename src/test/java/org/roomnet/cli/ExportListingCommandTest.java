package org.roomnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeException;
import org.roomnet.core.organize.Organizer;
import org.roomnet.core.organize.ShootLock;
import org.roomnet.core.review.FileStamp;
import org.roomnet.core.review.ListingMark;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.SavedPhoto;
import org.roomnet.core.review.SavedReview;
import org.roomnet.testing.Machine;
import org.roomnet.testing.TestPhotos;

/** {@code roomnet export-listing}: the review's labels, rejects, cover; exit codes; the model only where no review is. */
class ExportListingCommandTest {

    private static final List<String> CLASSES =
            List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom");

    @TempDir
    Path tmp;

    private Path shoot;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void setUp() throws Exception {
        System.setProperty("roomnet.home", tmp.resolve("home").toString());
        shoot = Files.createDirectories(tmp.resolve("12 Main St"));
        for (int i = 1; i <= 5; i++) {
            TestPhotos.writeJpeg(TestPhotos.pattern(1600, 1200, i), shoot.resolve("IMG_" + i + ".jpg"), false);
        }
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true));
    }

    @AfterEach
    void tearDown() {
        System.setErr(originalErr);
        System.clearProperty("roomnet.home");
    }

    private static PhotoReview reviewed(Path file, String label, ListingMark mark) {
        float[] scores = new float[CLASSES.size()];
        scores[CLASSES.indexOf("Backyard")] = 1f; // the model said Backyard for all: the agent's labels must win
        return PhotoReview.fromPrediction(file, Prediction.of(CLASSES, scores), label, mark);
    }

    /** The review the app would have saved: labels, one rejected photo, IMG_5 as the cover. */
    private void saveReview() throws Exception {
        List<SavedPhoto> photos = new ArrayList<>();
        String[] labels = {"Kitchen", "LivingRoom", "Kitchen", "Bathroom", "Frontyard"};
        for (int i = 1; i <= 5; i++) {
            Path f = shoot.resolve("IMG_" + i + ".jpg");
            ListingMark mark = i == 4
                    ? new ListingMark(true, false, 0)
                    : i == 5 ? new ListingMark(false, true, 0) : ListingMark.NONE;
            photos.add(new SavedPhoto(
                    reviewed(f, labels[i - 1], mark), FileStamp.of(f).orElseThrow()));
        }
        ReviewSidecar.write(shoot, new SavedReview("roomnet", "test", CLASSES, photos));
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theSavedReviewGivesLabelsRejectsCoverAndNoModelIsNeeded() throws Exception {
        saveReview();
        Path out = tmp.resolve("upload");
        int code = RoomNetCommand.execute(
                "export-listing",
                shoot.toString(),
                "--into",
                out.toString(),
                "--preset",
                "web",
                "--model",
                tmp.resolve("no-such-model.onnx").toString());
        assertEquals(0, code, stderr.toString());
        assertEquals(
                List.of("01-frontyard.jpg", "02-livingroom.jpg", "03-kitchen.jpg", "04-kitchen-2.jpg"), names(out));
        BufferedImage first = ImageIO.read(out.resolve("01-frontyard.jpg").toFile());
        assertEquals(1024, first.getWidth());
        assertTrue(stderr.toString().contains("1 rejected photo left out"), stderr.toString());
        assertEquals(
                List.of("IMG_1.jpg", "IMG_2.jpg", "IMG_3.jpg", "IMG_4.jpg", "IMG_5.jpg"),
                names(shoot).stream().filter(n -> !n.startsWith(".")).toList(),
                "the originals stay, nothing is added");
    }

    @Test
    void withoutAReviewTheModelLabelsEveryPhoto() throws Exception {
        Path out = tmp.resolve("upload");
        int code = RoomNetCommand.execute(
                "export-listing",
                shoot.toString(),
                "--into",
                out.toString(),
                "--model",
                TestPhotos.model().toString(),
                "--provider",
                "cpu");
        assertEquals(0, code, stderr.toString());
        List<String> written = names(out);
        assertEquals(5, written.size(), written.toString());
        for (int i = 0; i < written.size(); i++) {
            assertTrue(written.get(i).matches(String.format("%02d-[a-z]+(-\\d+)?\\.jpg", i + 1)), written.get(i));
        }
        assertFalse(Files.exists(ReviewSidecar.fileIn(shoot)), "the command line leaves no sidecar behind");
    }

    @Test
    void anExistingFolderIsRefusedUntouchedAndEarlierExportsAreReplacedOnlyWhenAsked() throws Exception {
        saveReview();
        Path out = Files.createDirectories(tmp.resolve("upload"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertEquals(2, RoomNetCommand.execute("export-listing", shoot.toString(), "--into", out.toString()));
        assertTrue(stderr.toString().contains("already holds 1 file"), stderr.toString());
        assertEquals(
                2, RoomNetCommand.execute("export-listing", shoot.toString(), "--into", out.toString(), "--replace"));
        assertEquals(List.of("keep.txt"), names(out));

        Path fresh = tmp.resolve("fresh");
        assertEquals(0, RoomNetCommand.execute("export-listing", shoot.toString(), "--into", fresh.toString()));
        assertEquals(2, RoomNetCommand.execute("export-listing", shoot.toString(), "--into", fresh.toString()));
        assertEquals(
                0,
                RoomNetCommand.execute(
                        "export-listing",
                        shoot.toString(),
                        "--into",
                        fresh.toString(),
                        "--preset",
                        "original",
                        "--replace"),
                stderr.toString());
        assertEquals(4, names(fresh).size());
    }

    /**
     * Issue 18, point 5: a 40 MP PNG in a 256 MB heap. At full size (original) it cannot fit: refused with a
     * reason before it is decoded, never an OutOfMemoryError, and the summary counts only the files written.
     * The web preset decodes it reduced and exports it.
     */
    @Test
    void aPhotoTooLargeForTheHeapIsRefusedAndNeverReportedAsExported() throws Exception {
        Path big = TestPhotos.writeFlatPng(shoot.resolve("IMG_0.png"), 8000, 5000);
        List<SavedPhoto> photos = new ArrayList<>();
        photos.add(new SavedPhoto(
                reviewed(big, "Frontyard", new ListingMark(false, true, 0)),
                FileStamp.of(big).orElseThrow()));
        for (int i = 1; i <= 5; i++) {
            Path f = shoot.resolve("IMG_" + i + ".jpg");
            photos.add(new SavedPhoto(
                    reviewed(f, "Kitchen", ListingMark.NONE), FileStamp.of(f).orElseThrow()));
        }
        ReviewSidecar.write(shoot, new SavedReview("roomnet", "test", CLASSES, photos));
        List<String> jvm = List.of("-Xmx256m", "-Droomnet.home=" + tmp.resolve("home"));

        Path original = tmp.resolve("original");
        Machine.Run run = Machine.java(
                jvm,
                "org.roomnet.Launcher",
                "export-listing",
                shoot.toString(),
                "--into",
                original.toString(),
                "--preset",
                "original");
        assertEquals(0, run.exitCode(), run.output());
        assertFalse(run.output().contains("OutOfMemoryError") || run.output().contains("Exception"), run.output());
        assertTrue(
                run.output().contains("skipped " + big + ": photo too large to decode in the memory available"),
                run.output());
        assertTrue(run.output().contains("exported 5 photos"), run.output());
        assertEquals(
                List.of(
                        "02-kitchen.jpg",
                        "03-kitchen-2.jpg",
                        "04-kitchen-3.jpg",
                        "05-kitchen-4.jpg",
                        "06-kitchen-5.jpg"),
                names(original));

        Path web = tmp.resolve("web");
        run = Machine.java(
                jvm,
                "org.roomnet.Launcher",
                "export-listing",
                shoot.toString(),
                "--into",
                web.toString(),
                "--preset",
                "web");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("exported 6 photos"), run.output());
        assertEquals(
                1024, ImageIO.read(web.resolve("01-frontyard.jpg").toFile()).getWidth());
    }

    /** Issue 18, point 11: while an organize or undo holds the shoot, an export is refused and writes nothing. */
    @Test
    void anExportIsRefusedWhileAnotherCommandHoldsTheShoot() throws Exception {
        saveReview();
        Path out = tmp.resolve("upload");
        try (ShootLock organizing = ShootLock.acquire(JournalStore.defaultStore(), shoot)) {
            assertEquals(4, RoomNetCommand.execute("export-listing", shoot.toString(), "--into", out.toString()));
        }
        assertTrue(stderr.toString().contains("another organize or undo is working on"), stderr.toString());
        assertFalse(Files.exists(out), "nothing written");
        assertEquals(
                0,
                RoomNetCommand.execute("export-listing", shoot.toString(), "--into", out.toString()),
                stderr.toString());
        assertEquals(4, names(out).size());
    }

    /**
     * Issue 18, points 9 and 11, through a second JVM as the audit did: while an export runs, the shoot is
     * locked (an organize is refused); kill -9 strands its hidden staging folder beside the target; the next
     * export removes it and completes.
     */
    @Test
    void aKilledExportsStagingIsRemovedByTheNextAndWhileItRanTheShootWasLocked() throws Exception {
        List<SavedPhoto> photos = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            Path f = i <= 5
                    ? shoot.resolve("IMG_" + i + ".jpg")
                    : TestPhotos.writeJpeg(
                            TestPhotos.pattern(1600, 1200, i), shoot.resolve("IMG_" + i + ".jpg"), false);
            photos.add(new SavedPhoto(
                    reviewed(f, "Kitchen", ListingMark.NONE), FileStamp.of(f).orElseThrow()));
        }
        ReviewSidecar.write(shoot, new SavedReview("roomnet", "test", CLASSES, photos));
        Path exports = Files.createDirectories(tmp.resolve("exports"));
        Path out = exports.resolve("out");
        Process child = Machine.startJava(
                List.of("-Xmx512m", "-Droomnet.home=" + tmp.resolve("home")),
                "org.roomnet.Launcher",
                "export-listing",
                shoot.toString(),
                "--into",
                out.toString(),
                "--preset",
                "web",
                "--threads",
                "1");
        Path staging = null;
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (staging == null && child.isAlive() && System.nanoTime() < deadline) {
                staging = stagingWithAPhoto(exports);
                Thread.sleep(20);
            }
            assertTrue(staging != null, "the export was seen writing into its staging folder");
            OrganizeException busy = org.junit.jupiter.api.Assertions.assertThrows(
                    OrganizeException.class,
                    () -> new Organizer(JournalStore.defaultStore()).preflight(shoot, tmp.resolve("sorted")));
            assertTrue(busy.getMessage().contains("or an export is reading it"), busy.getMessage());
        } finally {
            // The JVM the user started may run the export in a worker JVM (TelemetryOff): kill -9 the first,
            // and the worker must end with it; the next export may only be judged once both are gone.
            List<ProcessHandle> workers = child.descendants().toList();
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            child.waitFor();
            for (ProcessHandle worker : workers) {
                worker.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
        assertTrue(Files.isDirectory(staging), "kill -9 left the staging folder: " + staging);
        assertFalse(Files.exists(out), "nothing shown of the killed export");

        assertEquals(
                0,
                RoomNetCommand.execute("export-listing", shoot.toString(), "--into", out.toString(), "--preset", "web"),
                stderr.toString());
        assertFalse(Files.exists(staging), "the next export removed it");
        assertTrue(stderr.toString().contains("removed " + staging.getFileName()), stderr.toString());
        assertEquals(List.of("out"), names(exports));
        assertEquals(60, names(out).size());
    }

    private static Path stagingWithAPhoto(Path dir) throws Exception {
        try (Stream<Path> beside = Files.list(dir)) {
            for (Path p : beside.filter(p -> p.getFileName().toString().startsWith(".out.roomnet-export-"))
                    .toList()) {
                try (Stream<Path> inside = Files.list(p)) {
                    if (inside.findAny().isPresent()) {
                        return p;
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    return null;
                }
            }
        }
        return null;
    }

    @Test
    void badArgumentsAreUsageErrors() throws Exception {
        assertEquals(
                2,
                RoomNetCommand.execute("export-listing", tmp.resolve("missing").toString()));
        assertEquals(2, RoomNetCommand.execute("export-listing", shoot.toString(), "--preset", "huge"));
        assertEquals(2, RoomNetCommand.execute("export-listing", shoot.toString(), "--names", "{room}"));
        assertEquals(
                2,
                RoomNetCommand.execute(
                        "export-listing",
                        shoot.toString(),
                        "--into",
                        shoot.resolve("out").toString()));
        assertFalse(stderr.toString().contains("Exception"), stderr.toString());
    }

    @Test
    void theXlsxOfClassifyHasAListingSheet() throws Exception {
        Path xlsx = tmp.resolve("rooms.xlsx");
        assertEquals(
                0,
                RoomNetCommand.execute(
                        "classify",
                        shoot.toString(),
                        "--xlsx",
                        xlsx.toString(),
                        "--model",
                        TestPhotos.model().toString(),
                        "--provider",
                        "cpu"),
                stderr.toString());
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet listing = book.getSheet("Listing");
            Row header = listing.getRow(0);
            List<String> columns = new ArrayList<>();
            header.forEach(c -> columns.add(c.getStringCellValue()));
            assertEquals(List.of("position", "new name", "original file", "room", "cover", "rejected"), columns);
            assertEquals(5, listing.getLastRowNum());
            assertEquals(1.0, listing.getRow(1).getCell(0).getNumericCellValue());
            assertTrue(listing.getRow(1).getCell(1).getStringCellValue().startsWith("01-"));
            assertTrue(listing.getRow(1).getCell(2).getStringCellValue().startsWith("IMG_"));
        }
    }
}
