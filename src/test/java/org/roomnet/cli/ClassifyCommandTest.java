package org.roomnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.testing.ColourPhotos;
import org.roomnet.testing.TestPhotos;

/** End to end through the command line, on real pool photos copied into a temporary shoot. */
class ClassifyCommandTest {

    /** The shipped model's labels, read from its metadata (v3: the six rooms, DiningRoom, FloorPlan, Other). */
    private static final List<String> SHIPPED_CLASSES = shippedClasses();

    private static final Set<String> CLASSES = Set.copyOf(SHIPPED_CLASSES);

    private static List<String> shippedClasses() {
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            return classifier.description().classNames();
        } catch (Exception e) {
            throw new IllegalStateException("the shipped model cannot be opened", e);
        }
    }

    @TempDir
    Path tmp;

    private Path shoot;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void setUp() throws IOException {
        System.setProperty("roomnet.home", tmp.resolve("home").toString());
        shoot = Files.createDirectories(tmp.resolve("shoot 2026-11"));
        TestPhotos.smallShoot(shoot);
        Path upper = shoot.resolve("EXTRA.JPEG");
        Files.copy(
                TestPhotos.smallShoot(Files.createDirectories(tmp.resolve("more")))
                        .get(0),
                upper);
        Files.createFile(shoot.resolve("zero-bytes.jpg"));
        TestPhotos.writeRandomBytes(shoot.resolve("corrupt.jpg"), 3000, 7);
        Files.writeString(shoot.resolve("notes.txt"), "call the agent");
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true));
    }

    @AfterEach
    void tearDown() {
        System.setErr(originalErr);
        System.clearProperty("roomnet.home");
    }

    private int run(String... args) {
        return RoomNetCommand.execute(args);
    }

    @Test
    void aPhotoWhoseColourProfileCannotBeReadIsClassifiedWithANote() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("profiles"));
        Path photo = TestPhotos.smallShoot(Files.createDirectories(tmp.resolve("source")))
                .get(0);
        Files.copy(photo, folder.resolve("plain.jpg"));
        Files.write(
                folder.resolve("broken-profile.jpg"),
                ColourPhotos.withIccProfile(Files.readAllBytes(photo), new byte[300]));
        Path csv = tmp.resolve("profiles.csv");
        assertEquals(0, run("classify", folder.toString(), "--csv", csv.toString()), stderr.toString());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).endsWith(",source,note"), lines.get(0));
        assertTrue(
                lines.get(1).startsWith("broken-profile.jpg,")
                        && lines.get(1).endsWith(",\"colour profile unreadable, assumed sRGB\""),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("plain.jpg,") && lines.get(2).endsWith(",model,"), lines.get(2));
        assertEquals(lines.get(1).split(",")[1], lines.get(2).split(",")[1], "the same label: the same pixels");
        assertTrue(
                stderr.toString().contains("note broken-profile.jpg: colour profile unreadable, assumed sRGB"),
                stderr.toString());
    }

    @Test
    void theOldModelStillRunsThroughModel() throws Exception {
        Path csv = tmp.resolve("v1.csv");
        int code = run(
                "classify",
                shoot.toString(),
                "--csv",
                csv.toString(),
                "--model",
                TestPhotos.modelV1().toString());
        assertEquals(0, code, stderr.toString());
        assertTrue(stderr.toString().contains("2026.11.26-gpu2"), "names the model it ran: " + stderr);
        List<String> lines = Files.readAllLines(csv);
        long labelled = lines.stream()
                .skip(1)
                .map(l -> l.split(",", -1)[1])
                .filter(CLASSES::contains)
                .count();
        assertEquals(7, labelled, "the seven readable photos get a room: " + lines);
    }

    @Test
    void classifyWritesCsvAndXlsxWithOneRowPerFile() throws Exception {
        Path csv = tmp.resolve("out.csv");
        Path xlsx = tmp.resolve("out.xlsx");
        int code = run(
                "classify",
                shoot.toString(),
                "--csv",
                csv.toString(),
                "--xlsx",
                xlsx.toString(),
                "--model",
                TestPhotos.model().toString());
        assertEquals(0, code, stderr.toString());

        List<String> lines = Files.readAllLines(csv);
        assertEquals(
                "file,label,confidence,error,needs_review," + String.join(",", SHIPPED_CLASSES) + ",source,note",
                lines.get(0));
        assertEquals(10, lines.size() - 1, "one row per file: " + lines);
        int classified = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(7 + SHIPPED_CLASSES.size(), cells.length, line);
            boolean bad = Set.of("zero-bytes.jpg", "corrupt.jpg", "notes.txt").contains(cells[0]);
            if (bad) {
                assertEquals("", cells[1], line);
                assertFalse(cells[3].isEmpty(), line);
            } else {
                classified++;
                assertTrue(CLASSES.contains(cells[1]), line);
                double confidence = Double.parseDouble(cells[2]);
                assertTrue(confidence > 0 && confidence <= 1, line);
                assertEquals("", cells[3], line);
                double sum = 0;
                assertTrue(Set.of("true", "false").contains(cells[4]), line);
                for (int i = 5; i < 5 + SHIPPED_CLASSES.size(); i++) {
                    sum += Double.parseDouble(cells[i]);
                }
                assertEquals(1.0, sum, 1e-4, line);
                assertEquals(
                        "model", cells[5 + SHIPPED_CLASSES.size()], "an empty memory: the model proposes every label");
            }
        }
        assertEquals(7, classified);
        String err = stderr.toString();
        assertTrue(err.contains("execution provider: CPU"), err);
        assertTrue(err.contains("summary:"), err);

        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertEquals(10, book.getSheetAt(0).getLastRowNum());
            assertEquals("Summary", book.getSheetAt(1).getSheetName());
        }
    }

    @Test
    void organizeCopyThenUndoLeavesEverythingAsItWas() throws Exception {
        Map<String, Long> before = listing(shoot);
        Path into = tmp.resolve("sorted");
        int code = run(
                "classify",
                shoot.toString(),
                "--organize",
                "copy",
                "--into",
                into.toString(),
                "--model",
                TestPhotos.model().toString());
        assertEquals(0, code, stderr.toString());
        assertEquals(before, listing(shoot));
        long copied;
        try (Stream<Path> walk = Files.walk(into)) {
            copied = walk.filter(Files::isRegularFile)
                    .peek(p -> assertTrue(
                            CLASSES.contains(p.getParent().getFileName().toString())))
                    .count();
        }
        assertEquals(7, copied, "unreadable files are not copied");

        assertEquals(0, run("undo", shoot.toString()), stderr.toString());
        assertFalse(Files.exists(into));
        assertEquals(before, listing(shoot));
    }

    @Test
    void organizeMoveIntoTheDefaultFolderThenUndo() throws Exception {
        Map<String, Long> before = listing(shoot);
        int code = run(
                "classify",
                shoot.toString(),
                "--organize",
                "move",
                "--model",
                TestPhotos.model().toString());
        assertEquals(0, code, stderr.toString());
        Path defaultInto = shoot.resolveSibling(shoot.getFileName() + "_classified");
        assertTrue(Files.isDirectory(defaultInto));
        assertEquals(
                Set.of("zero-bytes.jpg", "corrupt.jpg", "notes.txt"),
                listing(shoot).keySet(),
                "only unreadable files stay");
        assertEquals(0, run("undo", shoot.toString()), stderr.toString());
        assertEquals(before, listing(shoot));
        assertFalse(Files.exists(defaultInto));
    }

    @Test
    void clearErrorsForBadArguments() {
        assertEquals(
                RoomNetCommand.EXIT_USAGE,
                run("classify", tmp.resolve("missing").toString()));
        assertTrue(stderr.toString().contains("not a folder"));
        assertEquals(
                RoomNetCommand.EXIT_MODEL,
                run(
                        "classify",
                        shoot.toString(),
                        "--model",
                        tmp.resolve("none.onnx").toString()));
        assertTrue(stderr.toString().contains("model file not found"));
        assertEquals(RoomNetCommand.EXIT_FILES, run("undo", shoot.toString()));
        assertTrue(stderr.toString().contains("no organize run"));
    }

    private static Map<String, Long> listing(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                files.put(
                        p.getFileName().toString(),
                        Files.size(p) * 31 + java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return files;
    }
}
