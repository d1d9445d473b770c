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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.ShootClassifier;
import org.roomnet.testing.Snapshot;
import org.roomnet.testing.TestPhotos;
import org.roomnet.testing.TinyOnnx;

/**
 * Issue 15 (the label set comes from the model) and issue 18, point 3 (class names and scores from a model are
 * not trusted blindly), through the command line.
 */
class ModelLabelSetCommandTest {

    @TempDir
    Path tmp;

    private Path shoot;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void setUp() throws IOException {
        System.setProperty("roomnet.home", tmp.resolve("home").toString());
        shoot = Files.createDirectories(tmp.resolve("work").resolve("shoot"));
        TestPhotos.copyFromPool("houses", "Kitchen", 2, shoot);
        TestPhotos.copyFromPool("houses", "Bathroom", 1, shoot);
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true));
    }

    @AfterEach
    void tearDown() {
        System.setErr(originalErr);
        System.clearProperty("roomnet.home");
    }

    private int run(String... args) {
        stderr.reset();
        int code = RoomNetCommand.execute(args);
        String err = stderr.toString();
        assertFalse(err.contains("Exception") || err.contains("\tat "), "a raw exception reached the user:\n" + err);
        return code;
    }

    private static List<String> folders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    // Issue 18, point 3.

    @Test
    void aModelWhoseClassNamesAreNoPlainFolderNamesIsRefusedWithExit3AndNothingIsWritten() throws Exception {
        List<List<String>> hostile = List.of(
                List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "../../escape"),
                List.of(
                        "Backyard",
                        "Bathroom",
                        "Bedroom",
                        "Frontyard",
                        "Kitchen",
                        tmp.resolve("abs").toString()),
                List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", ""),
                List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "kitchen"));
        Map<String, String> before = Snapshot.of(tmp.resolve("work"));
        for (List<String> names : hostile) {
            Path model = TinyOnnx.six().classes(names).write(tmp.resolve("hostile.onnx"));
            Path into = tmp.resolve("work").resolve("sorted");
            int code = run(
                    "classify",
                    shoot.toString(),
                    "--model",
                    model.toString(),
                    "--organize",
                    "copy",
                    "--into",
                    into.toString());
            assertEquals(RoomNetCommand.EXIT_MODEL, code, names + "\n" + stderr);
            assertTrue(stderr.toString().contains("class names cannot be room types"), stderr.toString());
            assertEquals(before, Snapshot.of(tmp.resolve("work")), "nothing written or moved for " + names);
            assertFalse(
                    Files.exists(tmp.resolve("abs"))
                            || Files.exists(tmp.resolve("escape"))
                            || Files.exists(tmp.getParent().resolve("escape")),
                    "nothing outside --into");
        }
    }

    @Test
    void aModelGivingNaNMakesAnErrorRowPerPhotoAndSortsNothing() throws Exception {
        Path model = TinyOnnx.v3(0.1f).nanScores().write(tmp.resolve("nan.onnx"));
        Path csv = tmp.resolve("rooms.csv");
        Path into = tmp.resolve("sorted");
        int code = run(
                "classify",
                shoot.toString(),
                "--model",
                model.toString(),
                "--csv",
                csv.toString(),
                "--organize",
                "copy",
                "--into",
                into.toString());
        assertEquals(RoomNetCommand.EXIT_OK, code, stderr.toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), lines.toString());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals("", cells[1], "no label: " + line);
            assertEquals(ShootClassifier.NOT_A_NUMBER, cells[3], line);
            assertEquals("false", cells[4], line);
            assertTrue(
                    Arrays.stream(cells, 5, cells.length).allMatch(String::isEmpty) && cells[2].isEmpty(),
                    "no NaN confidence or score: " + line);
        }
        try (Stream<Path> walk = Files.exists(into) ? Files.walk(into) : Stream.empty()) {
            assertEquals(0, walk.filter(Files::isRegularFile).count(), "nothing sorted");
        }
        assertTrue(stderr.toString().contains("nothing to organize"), stderr.toString());
    }

    @Test
    void aModelGivingNaNExportsNothingForTheListing() throws Exception {
        Path model = TinyOnnx.v3(0.1f).nanScores().write(tmp.resolve("nan.onnx"));
        Path out = tmp.resolve("listing");
        int code = run(
                "export-listing",
                shoot.toString(),
                "--into",
                out.toString(),
                "--preset",
                "web",
                "--model",
                model.toString());
        assertEquals(RoomNetCommand.EXIT_FILES, code, stderr.toString());
        assertTrue(stderr.toString().contains("no photo to export"), stderr.toString());
        try (Stream<Path> walk = Files.exists(out) ? Files.walk(out) : Stream.empty()) {
            assertEquals(0, walk.filter(Files::isRegularFile).count(), "nothing exported");
        }
    }

    @Test
    void aNineClassModelExportsPhotosNamedByItsOwnRoomTypes() throws Exception {
        // every photo far from the training photos: all Other, exported as other, other-2, ...
        Path model = TinyOnnx.v3(0.9f).write(tmp.resolve("v3-far.onnx"));
        Path out = tmp.resolve("listing");
        assertEquals(
                RoomNetCommand.EXIT_OK,
                run(
                        "export-listing",
                        shoot.toString(),
                        "--into",
                        out.toString(),
                        "--preset",
                        "web",
                        "--model",
                        model.toString()),
                stderr.toString());
        try (Stream<Path> list = Files.list(out)) {
            assertEquals(
                    List.of("01-other.jpg", "02-other-2.jpg", "03-other-3.jpg"),
                    list.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".jpg"))
                            .sorted()
                            .toList());
        }
    }

    // Issue 15: nine classes from a v3 model; six from v1 and v2.

    @Test
    void aNineClassModelGivesNineScoreColumnsAndFoldersOfItsOwnClasses() throws Exception {
        Path model = TinyOnnx.v3(0.9f).write(tmp.resolve("v3-far.onnx"));
        Path csv = tmp.resolve("rooms.csv");
        Path into = tmp.resolve("sorted");
        int code = run(
                "classify",
                shoot.toString(),
                "--model",
                model.toString(),
                "--csv",
                csv.toString(),
                "--organize",
                "copy",
                "--into",
                into.toString());
        assertEquals(RoomNetCommand.EXIT_OK, code, stderr.toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(
                "file,label,confidence,error,needs_review," + String.join(",", TinyOnnx.NINE) + ",source,note",
                lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertEquals(16, cells.length, line);
            assertEquals("Other", cells[1], "at the label threshold every photo is the model's unknown label: " + line);
            assertEquals("true", cells[4], line);
        }
        assertEquals(List.of("Other"), folders(into));
        assertEquals(3, Files.list(into.resolve("Other")).count());
    }

    @Test
    void aNineClassModelSortsByItsArgmaxWhenPhotosAreFamiliar() throws Exception {
        Path model = TinyOnnx.v3(0.1f).write(tmp.resolve("v3-near.onnx"));
        Path csv = tmp.resolve("rooms.csv");
        Path into = tmp.resolve("sorted");
        assertEquals(
                RoomNetCommand.EXIT_OK,
                run(
                        "classify",
                        shoot.toString(),
                        "--model",
                        model.toString(),
                        "--csv",
                        csv.toString(),
                        "--organize",
                        "copy",
                        "--into",
                        into.toString()),
                stderr.toString());
        List<String> labels = new ArrayList<>();
        for (String line : Files.readAllLines(csv).subList(1, 4)) {
            String[] cells = line.split(",", -1);
            labels.add(cells[1]);
            int best = 5;
            for (int i = 5; i < cells.length - 2; i++) { // the last columns are source and note
                best = Double.parseDouble(cells[i]) > Double.parseDouble(cells[best]) ? i : best;
            }
            assertEquals(TinyOnnx.NINE.get(best - 5), cells[1], line);
        }
        assertEquals(labels.stream().distinct().sorted().toList(), folders(into));
    }

    @Test
    void modelsV1AndV2WithSixClassesStillClassifyAndSort() throws Exception {
        for (Path model : List.of(TestPhotos.modelV1(), TestPhotos.modelV2())) {
            Path csv = tmp.resolve(model.getFileName() + ".csv");
            Path into = tmp.resolve("sorted-" + model.getFileName());
            int code = run(
                    "classify",
                    shoot.toString(),
                    "--model",
                    model.toString(),
                    "--csv",
                    csv.toString(),
                    "--organize",
                    "copy",
                    "--into",
                    into.toString());
            assertEquals(RoomNetCommand.EXIT_OK, code, model + ": " + stderr);
            List<String> lines = Files.readAllLines(csv);
            assertEquals(
                    "file,label,confidence,error,needs_review," + String.join(",", TinyOnnx.SIX) + ",source,note",
                    lines.get(0));
            assertEquals(4, lines.size());
            Set<String> six = Set.copyOf(TinyOnnx.SIX);
            for (String line : lines.subList(1, 4)) {
                String[] cells = line.split(",", -1);
                assertEquals(13, cells.length, line);
                assertTrue(six.contains(cells[1]), line);
                assertTrue(Set.of("true", "false").contains(cells[4]), line);
            }
            assertTrue(
                    six.containsAll(folders(into)) && !folders(into).isEmpty(),
                    folders(into).toString());
            assertEquals(
                    3,
                    Arrays.stream(folders(into).toArray(String[]::new))
                            .mapToLong(f -> {
                                try (Stream<Path> s = Files.list(into.resolve(f))) {
                                    return s.count();
                                } catch (IOException e) {
                                    throw new RuntimeException(e);
                                }
                            })
                            .sum());
        }
    }
}
