package org.roomnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.organize.Assignment;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.Organizer;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.testing.Machine;
import org.roomnet.testing.Snapshot;
import org.roomnet.testing.TestPhotos;
import org.roomnet.testing.TinyOnnx;

/** Issue 9 through the command line: each test failed on the code before the fix. */
class ClassifyCommandSafetyTest {

    @TempDir
    Path tmp;

    private Path shoot;
    private List<Path> photos;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

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

    /** Runs the command line; no stack trace may ever reach the user. */
    private int run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (args[0].equals("classify") && !all.contains("--model")) {
            all.addAll(List.of("--model", TestPhotos.model().toString()));
        }
        stderr.reset();
        stdout.reset();
        int code = RoomNetCommand.execute(all.toArray(String[]::new));
        String err = stderr.toString();
        assertFalse(err.contains("Exception") || err.contains("\tat "), "a raw exception reached the user:\n" + err);
        assertTrue(List.of(0, 2, 3, 4).contains(code), "undocumented exit code " + code + ":\n" + err);
        return code;
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        return Snapshot.of(dir);
    }

    private static List<String> csvRows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size());
    }

    private static String row(Path csv, String file) throws IOException {
        return csvRows(csv).stream()
                .filter(l -> l.startsWith(file + ","))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + file + " in " + csv));
    }

    // 1. Reports never replace a photo, never land in the shoot unless asked, and are never classified.

    @Test
    void reportsAimedAtPhotosAreRefusedBeforeAnythingHappens() throws Exception {
        Map<String, String> before = snapshot(shoot);
        Path into = tmp.resolve("sorted");
        int code = run(
                "classify",
                shoot.toString(),
                "--csv",
                photos.get(0).toString(),
                "--xlsx",
                shoot.resolve("other.jpg").toString(),
                "--organize",
                "move",
                "--into",
                into.toString());
        assertEquals(RoomNetCommand.EXIT_USAGE, code, stderr.toString());
        assertTrue(stderr.toString().contains("inside the folder being classified"), stderr.toString());
        assertFalse(stderr.toString().contains("classified 1/"), "refused before classifying");
        assertEquals(before, snapshot(shoot));
        assertFalse(Files.exists(into));

        code = run("classify", shoot.toString(), "--csv", photos.get(0).toString(), "--report-in-shoot");
        assertEquals(RoomNetCommand.EXIT_USAGE, code, stderr.toString());
        assertTrue(stderr.toString().contains("is not a RoomNet report"), stderr.toString());
        assertEquals(before, snapshot(shoot));
    }

    @Test
    void aReportInTheShootWhenAskedIsNeitherClassifiedNorMoved() throws Exception {
        Path csv = shoot.resolve("rooms.csv");
        Path xlsx = shoot.resolve("rooms.xlsx");
        Path into = tmp.resolve("sorted");
        for (int i = 0; i < 2; i++) { // the second run replaces the reports of the first: they are ours
            assertEquals(
                    0,
                    run(
                            "classify",
                            shoot.toString(),
                            "--csv",
                            csv.toString(),
                            "--xlsx",
                            xlsx.toString(),
                            "--report-in-shoot",
                            "--organize",
                            "copy",
                            "--into",
                            into.resolve("run" + i).toString()),
                    stderr.toString());
            assertEquals(3, csvRows(csv).size(), csvRows(csv).toString());
            assertTrue(
                    csvRows(csv).stream().noneMatch(l -> l.startsWith("rooms.")),
                    csvRows(csv).toString());
            try (Stream<Path> walk = Files.walk(into.resolve("run" + i))) {
                assertEquals(3, walk.filter(Files::isRegularFile).count(), "only the photos are organised");
            }
        }
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertEquals(3, book.getSheetAt(0).getLastRowNum());
        }
    }

    @Test
    void aFileOutsideTheShootIsReplacedOnlyWithForce() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.xlsx"), "the agent's own notes");
        assertEquals(RoomNetCommand.EXIT_USAGE, run("classify", shoot.toString(), "--xlsx", notes.toString()));
        assertEquals("the agent's own notes", Files.readString(notes));
        assertEquals(0, run("classify", shoot.toString(), "--xlsx", notes.toString(), "--force"), stderr.toString());
        try (InputStream in = Files.newInputStream(notes);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertEquals("Photos", book.getSheetAt(0).getSheetName());
        }
    }

    // 3. A repeated move does not hide the real one; undo --list and --run.

    @Test
    void aRepeatedMoveThenUndoPutsEveryPhotoBack() throws Exception {
        Map<String, String> before = snapshot(shoot);
        Path into = tmp.resolve("sorted");
        assertEquals(
                0,
                run("classify", shoot.toString(), "--organize", "move", "--into", into.toString()),
                stderr.toString());
        assertEquals(
                0,
                run("classify", shoot.toString(), "--organize", "move", "--into", into.toString()),
                stderr.toString());
        assertEquals(0, run("undo", shoot.toString()), stderr.toString());
        assertTrue(stderr.toString().contains("3 photos moved back"), stderr.toString());
        assertEquals(before, snapshot(shoot));
        assertFalse(Files.exists(into));
        assertEquals(RoomNetCommand.EXIT_FILES, run("undo", shoot.toString()));
        assertTrue(stderr.toString().contains("nothing to undo"), stderr.toString());
    }

    @Test
    void undoListShowsTheRunsAndUndoRunPicksOne() throws Exception {
        Map<String, String> before = snapshot(shoot);
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        assertEquals(0, run("classify", shoot.toString(), "--organize", "copy", "--into", first.toString()));
        assertEquals(0, run("classify", shoot.toString(), "--organize", "copy", "--into", second.toString()));
        assertEquals(0, run("undo", shoot.toString(), "--list"), stderr.toString());
        List<String> runs = stdout.toString().lines().toList();
        assertEquals(2, runs.size(), runs.toString());
        assertTrue(
                runs.get(0).contains("copy")
                        && runs.get(0).contains("3 files")
                        && runs.get(0).endsWith("done"),
                runs.get(0));

        assertEquals(0, run("undo", shoot.toString(), "--run", runs.get(0).split(" ")[0]), stderr.toString());
        assertFalse(Files.exists(first));
        assertTrue(Files.exists(second), "the other run is untouched");
        assertEquals(0, run("undo", shoot.toString(), "--list"), stderr.toString());
        assertTrue(stdout.toString().lines().findFirst().orElseThrow().endsWith("undone"), stdout.toString());
        assertEquals(before, snapshot(shoot));
    }

    // 5. Symbolic links: left in place, or with --follow-links the file they point to; undo restores exactly.

    @Test
    void symbolicLinksStayInPlaceUnlessFollowedAndUndoRestoresExactlyWhatWasThere() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path outside = Files.copy(photos.get(2), elsewhere.resolve("outside.jpg"));
        Files.createSymbolicLink(shoot.resolve("same.jpg"), photos.get(0).getFileName());
        Files.createSymbolicLink(shoot.resolve("far.jpg"), Path.of("../elsewhere/outside.jpg"));
        Map<String, String> shootBefore = snapshot(shoot);
        Map<String, String> elsewhereBefore = snapshot(elsewhere);
        Path into = tmp.resolve("sorted");

        assertEquals(
                0,
                run("classify", shoot.toString(), "--organize", "move", "--into", into.toString()),
                stderr.toString());
        assertTrue(Files.isSymbolicLink(shoot.resolve("same.jpg")) && Files.isSymbolicLink(shoot.resolve("far.jpg")));
        assertTrue(stderr.toString().contains("symbolic link, left in place"), stderr.toString());
        try (Stream<Path> walk = Files.walk(into)) {
            assertTrue(walk.noneMatch(Files::isSymbolicLink), "no link is moved");
        }
        assertEquals(elsewhereBefore, snapshot(elsewhere));
        assertEquals(0, run("undo", shoot.toString()), stderr.toString());
        assertEquals(shootBefore, snapshot(shoot));

        assertEquals(
                0,
                run("classify", shoot.toString(), "--organize", "move", "--into", into.toString(), "--follow-links"),
                stderr.toString());
        assertFalse(Files.exists(outside), "the file the link points to is organised");
        assertTrue(stderr.toString().contains("the same file as another photo"), stderr.toString());
        assertEquals(0, run("undo", shoot.toString()), stderr.toString());
        assertEquals(shootBefore, snapshot(shoot));
        assertEquals(elsewhereBefore, snapshot(elsewhere));
        assertTrue(Files.isRegularFile(shoot.resolve("far.jpg")), "the link leads to its file again");
    }

    // 8. A cut JPEG keeps its label, is reported damaged, and is organised only with --include-damaged.

    @Test
    void aCutJpegIsReportedDamagedAndOrganisedOnlyWhenAsked() throws Exception {
        byte[] whole = Files.readAllBytes(photos.get(1));
        Files.write(shoot.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length / 2));
        Path csv = tmp.resolve("rooms.csv");
        Path into = tmp.resolve("sorted");
        assertEquals(
                0,
                run(
                        "classify",
                        shoot.toString(),
                        "--csv",
                        csv.toString(),
                        "--organize",
                        "copy",
                        "--into",
                        into.toString()),
                stderr.toString());
        String[] cells = row(csv, "cut.jpg").split(",", -1);
        assertFalse(cells[1].isEmpty(), "the model's label stays");
        assertFalse(cells[2].isEmpty(), "and its confidence");
        assertTrue(cells[3].matches("truncated: \\d+ % of the image data missing"), cells[3]);
        assertTrue(stderr.toString().contains("--include-damaged"), stderr.toString());
        try (Stream<Path> walk = Files.walk(into)) {
            assertTrue(walk.noneMatch(p -> p.getFileName().toString().equals("cut.jpg")));
        }
        assertEquals(0, run("undo", shoot.toString()), stderr.toString());

        assertEquals(
                0,
                run("classify", shoot.toString(), "--organize", "copy", "--into", into.toString(), "--include-damaged"),
                stderr.toString());
        try (Stream<Path> walk = Files.walk(into)) {
            assertEquals(
                    1,
                    walk.filter(p -> p.getFileName().toString().equals("cut.jpg"))
                            .count());
        }
    }

    // 9. A decompression bomb is an error row in a small heap, in a second JVM.

    @Test
    void aDecompressionBombIsAnErrorRowUnderHalfAGigabyteOfHeap() throws Exception {
        byte[] bomb = TestPhotos.declaringSize(TestPhotos.jpegBytes(TestPhotos.pattern(64, 64, 1), true), 65000, 65000);
        Files.write(shoot.resolve("bomb.jpg"), bomb);
        Files.write(
                shoot.resolve("bomb-baseline.jpg"),
                TestPhotos.declaringSize(TestPhotos.jpegBytes(TestPhotos.pattern(64, 64, 2), false), 65000, 65000));
        assertTrue(bomb.length < 40_000);
        Path csv = tmp.resolve("rooms.csv");
        long start = System.nanoTime();
        Machine.Run second = Machine.java(
                List.of("-Xmx512m", "-Droomnet.home=" + tmp.resolve("home")),
                "org.roomnet.Launcher",
                "classify",
                shoot.toString(),
                "--csv",
                csv.toString(),
                "--model",
                TestPhotos.model().toAbsolutePath().toString(),
                "--provider",
                "cpu");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, second.exitCode(), second.output());
        assertTrue(row(csv, "bomb.jpg").contains("too large to decode"), row(csv, "bomb.jpg"));
        assertTrue(row(csv, "bomb-baseline.jpg").contains("too large to decode"), row(csv, "bomb-baseline.jpg"));
        assertTrue(seconds < 60, "took " + seconds + " s");
    }

    // 10. An unreadable subfolder with --recursive is an error row; the run goes on.

    @Test
    void anUnreadableSubfolderIsAnErrorRowAndTheRunGoesOn() throws Exception {
        Path deep = Files.createDirectories(shoot.resolve("deep"));
        try {
            assumeTrue(Machine.makePathBeyondTheLimit(deep), "this system's mkdir cannot make paths that long");
            Path csv = tmp.resolve("rooms.csv");
            assertEquals(
                    0, run("classify", shoot.toString(), "--recursive", "--csv", csv.toString()), stderr.toString());
            assertEquals(4, csvRows(csv).size(), csvRows(csv).toString());
            assertTrue(
                    csvRows(csv).stream().anyMatch(l -> l.startsWith("deep/") && l.contains("cannot read this folder")),
                    csvRows(csv).toString());
        } finally {
            Machine.removeTree(deep);
        }
    }

    @Test
    void aFolderWithoutPermissionIsAnErrorRowAndTheRunGoesOn() throws Exception {
        assumeFalse(Machine.isRoot(), "root reads a mode-000 folder; the test above covers root");
        Path locked = Files.createDirectories(shoot.resolve("locked"));
        Files.copy(photos.get(0), locked.resolve("inside.jpg"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            Path csv = tmp.resolve("rooms.csv");
            assertEquals(
                    0, run("classify", shoot.toString(), "--recursive", "--csv", csv.toString()), stderr.toString());
            assertTrue(row(csv, "locked").contains("permission denied"), row(csv, "locked"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    // 11. Clear errors and the documented exit codes.

    @Test
    void anUnknownProviderIsAUsageErrorListingTheValidOnes() {
        assertEquals(RoomNetCommand.EXIT_USAGE, run("classify", shoot.toString(), "--provider", "gpu"));
        assertTrue(stderr.toString().contains("auto, cpu or cuda"), stderr.toString());
    }

    @Test
    void aValidModelWithTheWrongInputShapeIsAModelError() throws Exception {
        Path model = TinyOnnx.write(tmp.resolve("tiny-64.onnx"), 3, 64);
        assertEquals(RoomNetCommand.EXIT_MODEL, run("classify", shoot.toString(), "--model", model.toString()));
        assertTrue(
                stderr.toString().contains("the model expects input 'input' as FLOAT [batch, 3, 64, 64]"),
                stderr.toString());
    }

    @Test
    void aReadOnlySourceIsNamedAsTheSource() throws Exception {
        assumeFalse(Machine.isRoot(), "root may remove files from a read-only folder (not from a read-only mount)");
        shoot.toFile().setWritable(false, false);
        try {
            int code = run(
                    "classify",
                    shoot.toString(),
                    "--organize",
                    "move",
                    "--into",
                    tmp.resolve("sorted").toString());
            assertEquals(RoomNetCommand.EXIT_FILES, code);
            assertTrue(stderr.toString().contains("the source folder is read-only"), stderr.toString());
            assertFalse(stderr.toString().contains("destination is read-only"), stderr.toString());
        } finally {
            shoot.toFile().setWritable(true, false);
        }
    }

    @Test
    void aFileWithoutReadPermissionIsReportedAsPermissionDenied() throws Exception {
        assumeFalse(Machine.isRoot(), "root reads a mode-000 file");
        Files.setPosixFilePermissions(photos.get(0), PosixFilePermissions.fromString("---------"));
        Path csv = tmp.resolve("rooms.csv");
        assertEquals(0, run("classify", shoot.toString(), "--csv", csv.toString()), stderr.toString());
        String name = photos.get(0).getFileName().toString();
        assertTrue(row(csv, name).contains("permission denied"), row(csv, name));
    }

    @Test
    void intoAnExistingFileIsRefusedUpFront() throws Exception {
        Path file = Files.writeString(tmp.resolve("sorted"), "a file");
        Map<String, String> before = snapshot(shoot);
        assertEquals(
                RoomNetCommand.EXIT_USAGE,
                run("classify", shoot.toString(), "--organize", "move", "--into", file.toString()));
        String err = stderr.toString();
        assertTrue(err.contains("is a file, not a folder"), err);
        assertFalse(err.contains("put back"), err);
        assertFalse(err.contains("classified 1/"), "refused before classifying");
        assertEquals(before, snapshot(shoot));
    }

    @Test
    void aJpegWithANameThatIsNotUtf8IsClassifiedAndLeftInPlaceByAMove() throws Exception {
        Path latin1 = Machine.copyToLatin1Name(photos.get(0), "caf\\351.jpg");
        Map<String, String> before = snapshot(shoot);
        Path csv = tmp.resolve("rooms.csv");
        assertEquals(
                0,
                run(
                        "classify",
                        shoot.toString(),
                        "--csv",
                        csv.toString(),
                        "--organize",
                        "move",
                        "--into",
                        tmp.resolve("sorted").toString()),
                stderr.toString());
        String cafe = csvRows(csv).stream()
                .filter(l -> l.startsWith("caf"))
                .findFirst()
                .orElseThrow();
        String[] cells = cafe.split(",", -1);
        assertFalse(cells[1].isEmpty(), cafe);
        assertEquals("", cells[3], cafe);
        assertTrue(Files.exists(latin1), "its name could not be journaled, so it stays");
        assertEquals(0, run("undo", shoot.toString()), stderr.toString());
        assertEquals(before, snapshot(shoot));
    }

    // 14. A rerun after a kill is refused before classifying.

    @Test
    void aRerunAfterAKillIsRefusedBeforeClassifying() throws Exception {
        class Killed extends RuntimeException {}
        List<Assignment> assignments =
                photos.stream().map(p -> new Assignment(p, "Kitchen")).toList();
        assertThrows(
                Killed.class,
                () -> new Organizer(JournalStore.defaultStore())
                        .organize(
                                shoot, tmp.resolve("sorted"), TransferMode.MOVE, assignments, (target, done, total) -> {
                                    throw new Killed();
                                }));
        int code = run(
                "classify",
                shoot.toString(),
                "--organize",
                "move",
                "--into",
                tmp.resolve("sorted").toString());
        assertEquals(RoomNetCommand.EXIT_FILES, code);
        assertTrue(stderr.toString().contains("was interrupted"), stderr.toString());
        assertFalse(stderr.toString().contains("classified 1/"), "the journal is checked first:\n" + stderr);
        assertEquals(0, run("undo", shoot.toString()), stderr.toString());
    }
}
