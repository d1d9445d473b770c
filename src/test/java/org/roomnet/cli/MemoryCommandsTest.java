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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.memory.Memory;
import org.roomnet.core.memory.MemoryFile;
import org.roomnet.core.memory.MemoryStore;
import org.roomnet.core.memory.ModelKey;
import org.roomnet.core.review.FileStamp;
import org.roomnet.core.review.ListingMark;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.SavedPhoto;
import org.roomnet.core.review.SavedReview;
import org.roomnet.testing.TestPhotos;

/** learn, memory and classify's use of the memory, end to end through the command line with the shipped model. */
class MemoryCommandsTest {

    private static final List<String> SIX =
            List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom");

    @TempDir
    Path tmp;

    private Path first;
    private Path next;
    private Path memoryFile;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void setUp() throws IOException {
        System.setProperty("roomnet.home", tmp.resolve("home").toString());
        memoryFile = tmp.resolve("home").resolve("memory").resolve(MemoryStore.FILE_NAME);
        first = Files.createDirectories(tmp.resolve("12 Main St"));
        next = Files.createDirectories(tmp.resolve("14 Main St"));
        List<Path> photos = TestPhotos.smallShoot(first);
        // the next shoot holds the same living room and front (other names), and two photos of its own
        Files.copy(photos.get(4), next.resolve("lounge.jpg"));
        Files.copy(photos.get(3), next.resolve("outside.jpg"));
        TestPhotos.copyFromPool("houses", "Bedroom", 2, next);
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
        return RoomNetCommand.execute(args);
    }

    /** Model v2: the memory's figures were measured on it, and its six rooms keep the expected columns short. */
    private String model() {
        return TestPhotos.modelV2().toString();
    }

    private Path labels(String... fileLabel) throws IOException {
        StringBuilder sb = new StringBuilder("file,label\n");
        for (int i = 0; i < fileLabel.length; i += 2) {
            sb.append(fileLabel[i]).append(',').append(fileLabel[i + 1]).append('\n');
        }
        return Files.writeString(tmp.resolve("labels-" + fileLabel.length + ".csv"), sb.toString());
    }

    private String name(Path dir, int index) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().get(index);
        }
    }

    /** CSV rows by file name: the cells, with the header's column names as keys. */
    private Map<String, Map<String, String>> classify(Path shoot, String... extra) throws IOException {
        Path csv = tmp.resolve("out-" + System.nanoTime() + ".csv");
        List<String> args =
                new ArrayList<>(List.of("classify", shoot.toString(), "--csv", csv.toString(), "--model", model()));
        args.addAll(Arrays.asList(extra));
        assertEquals(0, run(args.toArray(String[]::new)), stderr.toString());
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.put(cells[0], row);
        }
        rows.put("#header", Map.of("line", lines.get(0)));
        return rows;
    }

    @Test
    void aCorrectionInOneShootChangesTheProposalInTheNext() throws IOException {
        Map<String, Map<String, String>> before = classify(next);
        assertEquals("LivingRoom", before.get("lounge.jpg").get("label"));
        assertEquals("model", before.get("lounge.jpg").get("source"));

        String livingRoom = first.relativize(Files.list(first)
                        .filter(p -> p.getFileName().toString().startsWith("LivingRoom"))
                        .findFirst()
                        .orElseThrow())
                .toString();
        assertEquals(
                0,
                run(
                        "learn",
                        first.toString(),
                        "--labels",
                        labels(livingRoom, "bedroom").toString(),
                        "--model",
                        model()),
                stderr.toString());
        assertTrue(Files.isRegularFile(memoryFile));

        Map<String, Map<String, String>> after = classify(next);
        assertEquals(
                "Bedroom",
                after.get("lounge.jpg").get("label"),
                "the agent's correction, in 'bedroom' spelt as the model");
        assertEquals("memory", after.get("lounge.jpg").get("source"));
        assertEquals("Frontyard", after.get("outside.jpg").get("label"));
        assertEquals("model", after.get("outside.jpg").get("source"));
        assertTrue(stderr.toString().contains("memory: learned from 1 photos"), stderr.toString());

        Map<String, Map<String, String>> without = classify(next, "--no-memory");
        assertEquals("LivingRoom", without.get("lounge.jpg").get("label"));
        assertEquals("model", without.get("lounge.jpg").get("source"));
    }

    @Test
    void aRoomTypeTheAgentAddsIsProposedAndGetsItsColumn() throws IOException {
        String front = name(first, 2);
        assertTrue(front.startsWith("Frontyard"), front);
        assertEquals(
                0,
                run(
                        "learn",
                        first.toString(),
                        "--labels",
                        labels(front, "Street").toString(),
                        "--model",
                        model()),
                stderr.toString());
        assertTrue(stderr.toString().contains("room types added: Street"), stderr.toString());
        Map<String, Map<String, String>> rows = classify(next);
        assertEquals(
                "file,label,confidence,error,needs_review," + String.join(",", SIX) + ",Street,source,note",
                rows.get("#header").get("line"));
        assertEquals("Street", rows.get("outside.jpg").get("label"));
        assertEquals("memory", rows.get("outside.jpg").get("source"));
        // one identical memory at full weight: confident enough to pass the model's review rule
        assertEquals("false", rows.get("outside.jpg").get("needs_review"));
        assertEquals("0.000000", rows.get("lounge.jpg").get("Street"));

        Path sorted = tmp.resolve("sorted");
        assertEquals(
                0,
                run("classify", next.toString(), "--organize", "copy", "--into", sorted.toString(), "--model", model()),
                stderr.toString());
        assertTrue(Files.isRegularFile(sorted.resolve("Street").resolve("outside.jpg")));
    }

    @Test
    void exportListingNamesAndPlacesARoomTypeTheAgentAdded() throws IOException {
        String front = name(first, 2);
        assertEquals(
                0,
                run(
                        "learn",
                        first.toString(),
                        "--labels",
                        labels(front, "Street").toString(),
                        "--model",
                        model()),
                stderr.toString());
        Path listing = tmp.resolve("listing");
        assertEquals(
                0,
                run(
                        "export-listing",
                        next.toString(),
                        "--into",
                        listing.toString(),
                        "--preset",
                        "original",
                        "--model",
                        model()),
                stderr.toString());
        List<String> names;
        try (var files = Files.list(listing)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(4, names.size(), names.toString());
        assertEquals("04-street.jpg", names.get(3), "after the model's rooms: " + names);

        Path plain = tmp.resolve("listing-plain");
        assertEquals(
                0,
                run(
                        "export-listing",
                        next.toString(),
                        "--into",
                        plain.toString(),
                        "--preset",
                        "original",
                        "--no-memory",
                        "--model",
                        model()),
                stderr.toString());
        try (var files = Files.list(plain)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("street")));
        }
    }

    @Test
    void learnReadsTheAgentsReviewFromTheSavedReview() throws IOException {
        List<SavedPhoto> saved = new ArrayList<>();
        List<Path> files;
        try (var list = Files.list(first)) {
            files = list.sorted().toList();
        }
        float[] scores = {0.1f, 0.1f, 0.1f, 0.1f, 0.5f, 0.1f};
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String agent = i == 0
                    ? "Kitchen"
                    : i == 1 ? "Bathroom" : null; // one confirmed, one corrected, the rest not reviewed
            saved.add(new SavedPhoto(
                    PhotoReview.fromPrediction(f, Prediction.of(SIX, scores), agent, ListingMark.NONE),
                    FileStamp.of(f).orElseThrow()));
        }
        ReviewSidecar.write(first, new SavedReview("RoomNet", "v", SIX, saved));
        assertEquals(0, run("learn", first.toString(), "--model", model()), stderr.toString());
        assertTrue(stderr.toString().contains("learned 2 photos"), stderr.toString());
        assertEquals(2, MemoryFile.read(memoryFile).size());
        Memory m = MemoryFile.read(memoryFile);
        assertEquals(
                List.of("Kitchen", "Bathroom"),
                m.entries().stream().map(e -> e.label()).toList());
        assertEquals(
                first.toAbsolutePath().normalize().toString(),
                m.entries().get(0).shoot());
        assertTrue(m.entries().get(0).embedding().length == 1280);
    }

    @Test
    void badLabelsAreRefusedAndNothingIsLearned() throws IOException {
        String photo = name(first, 0);
        assertEquals(
                2,
                run(
                        "learn",
                        first.toString(),
                        "--labels",
                        labels(photo, "../Garage").toString(),
                        "--model",
                        model()));
        assertTrue(stderr.toString().contains("cannot be a room type"), stderr.toString());
        assertEquals(
                2,
                run(
                        "learn",
                        first.toString(),
                        "--labels",
                        labels("missing.jpg", "Garage").toString(),
                        "--model",
                        model()));
        assertTrue(stderr.toString().contains("no such photo: missing.jpg"), stderr.toString());
        assertEquals(
                2,
                run(
                        "learn",
                        first.toString(),
                        "--labels",
                        labels("../outside.jpg", "Garage").toString(),
                        "--model",
                        model()));
        assertEquals(
                3,
                run(
                        "learn",
                        first.toString(),
                        "--labels",
                        labels(photo, "Garage").toString(),
                        "--model",
                        TestPhotos.modelV1().toString()),
                "v1 has no embedding");
        assertTrue(stderr.toString().contains("gives no embedding"), stderr.toString());
        assertEquals(2, run("learn", first.toString(), "--model", model()), "no saved review");
        assertTrue(stderr.toString().contains("has no saved review"), stderr.toString());
        assertFalse(Files.exists(memoryFile));
    }

    @Test
    void aDamagedMemoryIsReportedClassifyingGoesOnAndLearnLeavesItAlone() throws IOException {
        Files.createDirectories(memoryFile.getParent());
        byte[] junk = "RNMEMORY but not really".getBytes();
        Files.write(memoryFile, junk);
        Map<String, Map<String, String>> rows = classify(next);
        assertEquals("LivingRoom", rows.get("lounge.jpg").get("label"));
        assertTrue(stderr.toString().contains("the memory cannot be used"), stderr.toString());
        assertEquals(
                4,
                run(
                        "learn",
                        first.toString(),
                        "--labels",
                        labels(name(first, 0), "Kitchen").toString(),
                        "--model",
                        model()));
        assertArrayEquals(junk, Files.readAllBytes(memoryFile), "never overwritten by learn");
        assertEquals(4, run("memory", "--list"));
        assertEquals(0, run("memory", "--clear"));
        assertFalse(Files.exists(memoryFile));
    }

    @Test
    void anotherModelsMemoryIsNotUsedUntilRelearned() throws IOException {
        String livingRoom = name(first, 5);
        assertTrue(livingRoom.startsWith("LivingRoom"), livingRoom);
        assertEquals(
                0,
                run(
                        "learn",
                        first.toString(),
                        "--labels",
                        labels(livingRoom, "Bedroom").toString(),
                        "--model",
                        model()),
                stderr.toString());
        Memory learned = MemoryFile.read(memoryFile);
        // the same memory as if an older model had made it
        new MemoryStore(memoryFile)
                .save(new Memory(new ModelKey("2020.01.01-old", "00".repeat(32)), learned.entries()));
        Map<String, Map<String, String>> rows = classify(next);
        assertEquals("LivingRoom", rows.get("lounge.jpg").get("label"));
        assertTrue(stderr.toString().contains("--relearn"), stderr.toString());

        assertEquals(0, run("memory", "--relearn", "--model", model()), stderr.toString());
        assertTrue(stderr.toString().contains("re-learned 1 of 1 photos"), stderr.toString());
        Memory relearned = MemoryFile.read(memoryFile);
        assertEquals(learned.model(), relearned.model());
        assertEquals(
                learned.entries().get(0).learnedMillis(),
                relearned.entries().get(0).learnedMillis());
        assertEquals("Bedroom", classify(next).get("lounge.jpg").get("label"));
    }

    @Test
    void listForgetExportImportAndClear() throws IOException {
        assertEquals(
                0,
                run(
                        "learn",
                        first.toString(),
                        "--labels",
                        labels(name(first, 0), "Bathroom", name(first, 1), "Garage")
                                .toString(),
                        "--model",
                        model()),
                stderr.toString());
        assertEquals(
                0,
                run(
                        "learn",
                        next.toString(),
                        "--labels",
                        labels("lounge.jpg", "LivingRoom").toString(),
                        "--model",
                        model()),
                stderr.toString());
        assertEquals(0, run("memory"));
        String list = stdout.toString();
        assertTrue(list.contains("memory: 3 photos"), list);
        assertTrue(
                list.contains("Garage")
                        && list.contains(first.toAbsolutePath().normalize().toString()),
                list);

        Path shared = tmp.resolve("agency.rnm");
        assertEquals(0, run("memory", "--export", shared.toString()));
        assertEquals(2, run("memory", "--export", shared.toString()), "never over an existing file");
        assertEquals(0, run("memory", "--forget", first.toString()));
        assertEquals(1, MemoryFile.read(memoryFile).size());
        assertEquals(2, run("memory", "--forget", tmp.resolve("nowhere").toString()));

        assertEquals(0, run("memory", "--import", shared.toString()));
        assertEquals(3, MemoryFile.read(memoryFile).size(), "the shared photos are added, the same photo kept once");
        Files.writeString(tmp.resolve("not-a-memory.rnm"), "hello");
        assertEquals(
                2, run("memory", "--import", tmp.resolve("not-a-memory.rnm").toString()));
        new MemoryStore(tmp.resolve("other.rnm")).save(Memory.empty(new ModelKey("other", "11")));
        assertEquals(2, run("memory", "--import", tmp.resolve("other.rnm").toString()));
        assertTrue(stderr.toString().contains("cannot be mixed"), stderr.toString());

        assertEquals(0, run("memory", "--clear"));
        assertFalse(Files.exists(memoryFile));
        assertEquals(0, run("memory", "--list"));
    }
}
