package org.roomnet.cli;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.Snapshot;
import org.roomnet.testing.TestPhotos;

/** Issue 18 through the command line: symbolic links around the shoot (point 10) and odd files in it. */
class ShootLinksAndOutputsTest {

    @TempDir
    Path tmp;

    private Path shoot;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void setUp() throws IOException {
        System.setProperty("roomnet.home", tmp.resolve("home").toString());
        shoot = Files.createDirectories(tmp.resolve("shoot"));
        TestPhotos.copyFromPool("houses", "Kitchen", 2, shoot);
        TestPhotos.copyFromPool("houses", "Bathroom", 1, shoot);
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(stderr, true));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
    }

    @AfterEach
    void tearDown() {
        System.setErr(originalErr);
        System.setOut(originalOut);
        System.clearProperty("roomnet.home");
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!args[0].equals("undo")) {
            all.addAll(List.of("--model", TestPhotos.model().toString()));
        }
        stderr.reset();
        int code = RoomNetCommand.execute(all.toArray(String[]::new));
        String err = stderr.toString();
        assertFalse(err.contains("Exception") || err.contains("\tat "), "a raw exception reached the user:\n" + err);
        return code;
    }

    private static List<String> csvRows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size());
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    // 10. Symbolic links around the shoot.

    @Test
    void classifyThroughALinkToTheShootReportsItsPhotos() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-shoot"), shoot);
        Path csv = tmp.resolve("rooms.csv");
        assertEquals(0, run("classify", link.toString(), "--csv", csv.toString()), stderr.toString());
        assertEquals(3, csvRows(csv).size(), Files.readString(csv));
        assertTrue(stderr.toString().contains("3 files in"), stderr.toString());
    }

    @Test
    void exportListingThroughALinkToTheShootExportsItsPhotos() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-shoot"), shoot);
        Path out = tmp.resolve("upload");
        assertEquals(
                0,
                run("export-listing", link.toString(), "--into", out.toString(), "--preset", "web"),
                stderr.toString());
        assertEquals(3, filesUnder(out).size());
    }

    @Test
    void anExportIntoTheShootThroughALinkIsRefusedAndWritesNothing() throws Exception {
        Path intoShoot = Files.createSymbolicLink(tmp.resolve("elsewhere"), shoot);
        Map<String, String> before = Snapshot.of(shoot);
        assertEquals(
                RoomNetCommand.EXIT_USAGE,
                run(
                        "export-listing",
                        shoot.toString(),
                        "--into",
                        intoShoot.resolve("listing").toString(),
                        "--preset",
                        "web"),
                stderr.toString());
        assertTrue(stderr.toString().contains("cannot be inside the shoot folder"), stderr.toString());
        assertEquals(before, Snapshot.of(shoot), "nothing was written inside the shoot");
    }

    // Minor: dangling and looping links and FIFOs get a row with the reason, and are never moved.

    @Test
    void aDanglingLinkALoopingLinkAndAFifoGetARowWithTheReasonAndStayInPlace() throws Exception {
        Files.createSymbolicLink(shoot.resolve("gone.jpg"), Path.of("deleted-long-ago.jpg"));
        Files.createSymbolicLink(shoot.resolve("loop-a.jpg"), Path.of("loop-b.jpg"));
        Files.createSymbolicLink(shoot.resolve("loop-b.jpg"), Path.of("loop-a.jpg"));
        Process mkfifo = new ProcessBuilder("mkfifo", shoot.resolve("pipe.jpg").toString())
                .inheritIO()
                .start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
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

        List<String> rows = csvRows(csv);
        assertEquals(7, rows.size(), String.join("\n", rows));
        assertTrue(
                row(rows, "gone.jpg").contains("symbolic link to a file that does not exist"), row(rows, "gone.jpg"));
        assertTrue(row(rows, "loop-a.jpg").contains("symbolic link that loops"), row(rows, "loop-a.jpg"));
        assertTrue(row(rows, "loop-b.jpg").contains("symbolic link that loops"), row(rows, "loop-b.jpg"));
        assertTrue(row(rows, "pipe.jpg").contains("not a regular file"), row(rows, "pipe.jpg"));
        assertTrue(
                Files.isSymbolicLink(shoot.resolve("gone.jpg")) && Files.isSymbolicLink(shoot.resolve("loop-a.jpg")));
        assertTrue(Files.exists(shoot.resolve("pipe.jpg")), "the FIFO stays");
        assertEquals(3, filesUnder(tmp.resolve("sorted")).size(), "only the photos moved");
    }

    private static String row(List<String> rows, String file) {
        return rows.stream()
                .filter(l -> l.startsWith(file + ","))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + file + " in " + rows));
    }

    // Minor: with -r and --into inside the shoot, a second run does not sort its own output again.

    @Test
    void aRecursiveRunIntoTheShootLeavesTheOutputOfAnEarlierRunAlone() throws Exception {
        Map<String, String> before = Snapshot.of(shoot);
        Path sorted = shoot.resolve("sorted");
        assertEquals(
                0,
                run("classify", shoot.toString(), "-r", "--organize", "move", "--into", sorted.toString()),
                stderr.toString());
        assertEquals(3, filesUnder(sorted).size());
        Map<String, String> sortedOnce = Snapshot.of(sorted);
        Path csv = tmp.resolve("again.csv");

        assertEquals(
                0,
                run(
                        "classify",
                        shoot.toString(),
                        "-r",
                        "--csv",
                        csv.toString(),
                        "--organize",
                        "move",
                        "--into",
                        sorted.toString()),
                stderr.toString());
        assertEquals(List.of(), csvRows(csv), "the output of the first run is not classified again");
        assertTrue(stderr.toString().contains("the output of an organize run"), stderr.toString());
        assertEquals(sortedOnce, Snapshot.of(sorted), "nor sorted again");

        assertEquals(0, run("classify", shoot.toString(), "-r", "--csv", csv.toString()), stderr.toString());
        assertEquals(
                3, csvRows(csv).size(), "a run that only classifies still reports them: they are the shoot's photos");
        assertEquals(0, run("undo", shoot.toString()), stderr.toString());
        assertEquals(before, Snapshot.of(shoot));
    }
}
