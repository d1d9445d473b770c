package org.roomnet.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.ClassifyOptions;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.listing.ListingOrder;
import org.roomnet.core.memory.BlendSettings;
import org.roomnet.core.memory.Memory;
import org.roomnet.core.memory.MemoryBlend;
import org.roomnet.core.memory.MemoryEntry;
import org.roomnet.core.memory.MemoryFile;
import org.roomnet.core.memory.ModelKey;
import org.roomnet.core.report.CsvReport;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.workflow.Shoot;
import org.roomnet.core.workflow.ShootFolder;
import picocli.CommandLine;

/** The job in Spark's local mode (two cores) on generated photos, against the app's own classify pipeline. */
class BatchJobTest {

    private static final int PHOTOS = 200;
    private static SparkSession spark;
    private static Path model;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        model = Path.of(System.getProperty("roomnet.model"));
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("roomnet-batch-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private record Run(int code, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                new CommandLine(new BatchJob(spark, new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMemoryOfReviewedPhotosProposesLabelsAsClassifyDoes() throws Exception {
        Path in = dir.resolve("agency-shoot");
        for (int i = 0; i < 12; i++) {
            TestPhotos.write(in.resolve(String.format("photo-%02d.jpg", i)), 5000 + i);
        }
        Path memoryFile = dir.resolve("agency.rnm");
        Path expected = dir.resolve("agency-classify.csv");
        try (RoomClassifier classifier = RoomClassifier.open(model, ProviderPreference.CPU)) {
            // the agent put the first four photos in a room type of its own: the memory the app would have learned
            Shoot reviewed = Shoot.fresh(in, ShootFolder.list(in), classifier);
            List<PhotoResult> results = reviewed.classifyRest(ClassifyOptions.of(16, 2), (r, done, total) -> {});
            List<MemoryEntry> garages = results.stream()
                    .filter(r -> r.file().getFileName().toString().compareTo("photo-04") < 0)
                    .map(r -> MemoryEntry.of(
                            "Garage",
                            in.toString(),
                            r.file().getFileName().toString(),
                            r.file().getFileName().toString(),
                            0L,
                            r.prediction().embedding()))
                    .toList();
            assertEquals(4, garages.size());
            ModelKey key = ModelKey.of(model, classifier.description().version());
            MemoryFile.write(Memory.empty(key).with(garages), memoryFile);
            // classify's labels with that memory
            MemoryBlend blend = new MemoryBlend(
                    MemoryFile.read(memoryFile), classifier.description().classNames(), BlendSettings.DEFAULT);
            Shoot shoot = Shoot.fresh(in, ShootFolder.list(in), classifier, blend);
            shoot.addResults(shoot.classifyRest(ClassifyOptions.of(16, 2), (r, done, total) -> {}));
            CsvReport.write(shoot.report(ListingChecklist.DEFAULT, ListingOrder.DEFAULT), expected);
        }
        Path out = dir.resolve("agency-out");
        Run run = run(
                in.toString(),
                out.toString(),
                "--model",
                model.toString(),
                "--provider",
                "cpu",
                "--memory",
                memoryFile.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("learned from 4 photos"), run.err());
        List<String> csv = Files.readAllLines(out.resolve("labels.csv"));
        assertSameReport(Files.readAllLines(expected), csv);
        for (int i = 0; i < 4; i++) {
            String name = String.format("photo-%02d.jpg", i);
            String line =
                    csv.stream().filter(l -> l.startsWith(name)).findFirst().orElseThrow();
            assertTrue(line.startsWith(name + ",Garage,") && line.contains(",memory,"), line);
        }
        Row garage = spark.read()
                .parquet(out.resolve("photos.parquet").toString())
                .filter("path like '%photo-00.jpg'")
                .collectAsList()
                .get(0);
        assertEquals("Garage", garage.getString(garage.fieldIndex("label")));
        assertEquals("memory", garage.getString(garage.fieldIndex("source")));
        assertTrue(garage.getFloat(garage.fieldIndex("Garage")) > 0.5f);
    }

    @Test
    void aMemoryLearnedWithAnotherModelIsRefusedAndNothingIsClassified() throws Exception {
        Path in = dir.resolve("other-model-shoot");
        TestPhotos.write(in.resolve("photo.jpg"), 6000);
        Path otherModel = Files.writeString(dir.resolve("other.onnx"), "another model");
        Path memoryFile = dir.resolve("other-model.rnm");
        MemoryFile.write(
                Memory.empty(ModelKey.of(otherModel, "0"))
                        .with(List.of(MemoryEntry.of("Garage", "s", "f", "h", 0L, new float[] {1f, 0f}))),
                memoryFile);
        Path out = dir.resolve("other-model-out");
        Run run = run(in.toString(), out.toString(), "--model", model.toString(), "--memory", memoryFile.toString());
        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains("cannot be used") && run.err().contains("nothing was classified"), run.err());
        assertFalse(Files.exists(out.resolve("photos.parquet")));
    }

    @Test
    void classifiesAsClassifyDoesEveryBadFileAnErrorRowOneSessionPerJvm() throws Exception {
        Path in = dir.resolve("shoot");
        for (int i = 0; i < PHOTOS; i++) {
            TestPhotos.write(in.resolve(String.format("photo-%03d.jpg", i)), i);
        }
        TestPhotos.write(in.resolve("_DSC0001.JPG"), 1000);
        TestPhotos.write(in.resolve("salle à manger, 1.jpg"), 1001);
        TestPhotos.write(in.resolve(".hidden.jpg"), 1002);
        TestPhotos.writeCut(in.resolve("cut.jpg"), 1003);
        Files.writeString(in.resolve("notes.txt"), "not a photo");
        Files.write(in.resolve("empty.jpg"), new byte[0]);
        Path out = dir.resolve("out");

        int sessionsBefore = ExecutorModel.openedCount();
        Run run = run(
                in.toString(), out.toString(), "--model", model.toString(), "--provider", "cpu", "--partitions", "4");
        assertEquals(0, run.code(), run.err());
        assertTrue(
                ExecutorModel.openedCount() - sessionsBefore <= 1,
                "one ONNX Runtime session for the JVM, not one per partition: "
                        + (ExecutorModel.openedCount() - sessionsBefore));
        int files = PHOTOS + 5;
        assertTrue(
                run.err().contains("done: " + files + " files: " + (files - 2) + " classified (1 damaged"), run.err());
        assertTrue(run.err().contains("2 errors"), run.err());

        // labels.csv: classify's own report of the same folder, row for row
        Path expected = dir.resolve("classify.csv");
        try (RoomClassifier classifier = RoomClassifier.open(model, ProviderPreference.CPU)) {
            Shoot shoot = Shoot.fresh(in, ShootFolder.list(in), classifier);
            shoot.addResults(shoot.classifyRest(ClassifyOptions.of(16, 2), (r, done, total) -> {}));
            CsvReport.write(shoot.report(ListingChecklist.DEFAULT, ListingOrder.DEFAULT), expected);
        }
        assertSameReport(Files.readAllLines(expected), Files.readAllLines(out.resolve("labels.csv")));

        List<Row> rows =
                spark.read().parquet(out.resolve("photos.parquet").toString()).collectAsList();
        assertEquals(files, rows.size());
        Row first = rows.get(0);
        List<String> columns = Arrays.asList(first.schema().fieldNames());
        List<String> expectedColumns = new ArrayList<>(List.of("path", "label", "confidence", "needs_review"));
        expectedColumns.addAll(List.of(
                "Backyard",
                "Bathroom",
                "Bedroom",
                "Frontyard",
                "Kitchen",
                "LivingRoom",
                "DiningRoom",
                "FloorPlan",
                "Other"));
        expectedColumns.addAll(List.of("embedding", "error", "source", "note"));
        assertEquals(expectedColumns, columns);
        Map<String, Row> byName = rows.stream()
                .collect(Collectors.toMap(
                        r -> r.getString(0).substring(r.getString(0).lastIndexOf('/') + 1), Function.identity()));
        assertFalse(byName.containsKey(".hidden.jpg"));
        for (String bad : List.of("notes.txt", "empty.jpg")) {
            Row r = byName.get(bad);
            assertNull(r.get(r.fieldIndex("label")), bad);
            assertNull(r.get(r.fieldIndex("embedding")), bad);
            assertNotNull(r.get(r.fieldIndex("error")), bad);
        }
        Row cut = byName.get("cut.jpg");
        assertNotNull(cut.get(cut.fieldIndex("label")));
        assertTrue(
                cut.getString(cut.fieldIndex("error")).startsWith("truncated"), cut.getString(cut.fieldIndex("error")));
        Row photo = byName.get("salle à manger, 1.jpg");
        assertEquals("file:" + in.resolve("salle à manger, 1.jpg"), photo.getString(0));
        assertTrue(photo.getList(photo.fieldIndex("embedding")).size() >= 64, "the model's embedding, as floats");
    }

    @Test
    void aRerunIsRefusedUnlessAskedToOverwrite() throws Exception {
        Path in = dir.resolve("small");
        for (int i = 0; i < 3; i++) {
            TestPhotos.write(in.resolve("p" + i + ".jpg"), 100 + i);
        }
        Path out = dir.resolve("small-out");
        assertEquals(
                0,
                run(in.toString(), out.toString(), "--model", model.toString(), "--provider", "cpu")
                        .code());
        List<Path> firstParts = parts(out);

        Run again = run(in.toString(), out.toString(), "--model", model.toString(), "--provider", "cpu");
        assertEquals(BatchJob.EXIT_USAGE, again.code());
        assertTrue(again.err().contains("earlier run; --overwrite replaces it"), again.err());
        assertEquals(firstParts, parts(out), "the earlier output is left as it was");

        TestPhotos.write(in.resolve("p3.jpg"), 103);
        Run overwrite =
                run(in.toString(), out.toString(), "--model", model.toString(), "--provider", "cpu", "--overwrite");
        assertEquals(0, overwrite.code(), overwrite.err());
        assertEquals(
                4,
                spark.read().parquet(out.resolve("photos.parquet").toString()).count());
        assertEquals(5, Files.readAllLines(out.resolve("labels.csv")).size());
    }

    @Test
    void photosOnAnotherFileSystemAreFetchedToTheExecutor() throws Exception {
        Path in = dir.resolve("remote");
        for (int i = 0; i < 3; i++) {
            TestPhotos.write(in.resolve("r" + i + ".jpg"), 200 + i);
        }
        Path local = dir.resolve("remote-local");
        Path remote = dir.resolve("remote-remote");
        Run direct = run(in.toString(), local.toString(), "--model", model.toString(), "--provider", "cpu");
        assertEquals(0, direct.code(), direct.err());
        spark.sparkContext().hadoopConfiguration().set("fs.othfs.impl", OtherSchemeFileSystem.class.getName());
        Run fetched = run(
                OtherSchemeFileSystem.SCHEME + ":" + in,
                remote.toString(),
                "--model",
                model.toString(),
                "--provider",
                "cpu");
        assertEquals(0, fetched.code(), fetched.err());
        assertTrue(fetched.err().contains("3 classified"), fetched.err());
        assertEquals(Files.readAllLines(local.resolve("labels.csv")), Files.readAllLines(remote.resolve("labels.csv")));
    }

    @Test
    void aMissingModelIsAClearErrorNotAStackTrace() throws Exception {
        Path in = dir.resolve("no-model");
        TestPhotos.write(in.resolve("p.jpg"), 300);
        Run run = run(
                in.toString(),
                dir.resolve("no-model-out").toString(),
                "--model",
                dir.resolve("nope.onnx").toString());
        assertEquals(BatchJob.EXIT_MODEL, run.code(), run.err());
        assertTrue(run.err().startsWith("input: ") && run.err().contains("error: cannot read the model "), run.err());
        assertFalse(Files.exists(dir.resolve("no-model-out/photos.parquet")));
    }

    private static List<Path> parts(Path out) throws Exception {
        try (Stream<Path> files = Files.list(out.resolve("photos.parquet"))) {
            return files.sorted().toList();
        }
    }

    /** The same rows; the scores may differ in the last printed digit (other photos share the inference batch). */
    private static void assertSameReport(List<String> expected, List<String> actual) {
        assertEquals(expected.get(0), actual.get(0), "header");
        assertEquals(expected.size(), actual.size(), "rows");
        for (int i = 1; i < expected.size(); i++) {
            List<String> e = cells(expected.get(i));
            List<String> a = cells(actual.get(i));
            assertEquals(e.size(), a.size(), expected.get(i));
            for (int c = 0; c < e.size(); c++) {
                boolean number = c == 2 || (c >= 5 && c < e.size() - 2); // then source and note
                if (number && !e.get(c).isEmpty()) {
                    assertEquals(Double.parseDouble(e.get(c)), Double.parseDouble(a.get(c)), 2e-6, expected.get(i));
                } else {
                    assertEquals(e.get(c), a.get(c), expected.get(i));
                }
            }
        }
    }

    /** The cells of one RFC 4180 line. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
