package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.TestShoots;
import org.roomnet.cli.RoomNetCommand;
import org.roomnet.core.review.PhotoReview;
import org.testfx.api.FxToolkit;

/**
 * The three callers of {@code Shoot.classifyRest} (the app's ShootLoader, {@code classify} and {@code export-listing})
 * give every photo of the same shoot the same label (issue 19, point 12).
 */
class OneWayToClassifyTest {

    @TempDir
    Path temp;

    private ViewModelFixture fixture;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        System.setProperty("roomnet.home", temp.resolve("home").toString());
        fixture = new ViewModelFixture(temp);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        System.clearProperty("roomnet.home");
    }

    @Test
    void theAppClassifyAndExportListingLabelEveryPhotoAlike() throws Exception {
        Path shoot = fixture.shoot();
        String model = Path.of(System.getProperty("roomnet.model", "model/roomnet.onnx"))
                .toString();

        Path csv = temp.resolve("rooms.csv");
        assertEquals(
                0,
                RoomNetCommand.execute(
                        "classify", shoot.toString(), "--csv", csv.toString(), "--model", model, "--no-memory"));
        Map<String, String> byClassify = new TreeMap<>();
        for (String line :
                Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] cells = line.split(",", -1);
            if (!cells[1].isEmpty()) {
                byClassify.put(cells[0], cells[1]);
            }
        }

        Path out = temp.resolve("listing");
        assertEquals(
                0,
                RoomNetCommand.execute(
                        "export-listing",
                        shoot.toString(),
                        "--into",
                        out.toString(),
                        "--preset",
                        "original",
                        "--names",
                        "{n}__{room}__{name}",
                        "--model",
                        model,
                        "--no-memory"));
        Map<String, String> byExport = new TreeMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f :
                    files.filter(p -> p.getFileName().toString().contains("__")).toList()) {
                String[] parts = f.getFileName().toString().split("__", 3);
                byExport.put(parts[2], parts[1]);
            }
        }

        MainViewModel vm = fixture.withModel();
        vm.openFolder(shoot);
        Map<String, String> byApp = new TreeMap<>();
        List<PhotoReview> photos = vm.shoot().review().photos();
        for (PhotoReview p : photos) {
            if (p.isReadable()) {
                byApp.put(p.file().getFileName().toString(), p.finalLabel());
            }
        }

        assertEquals(TestShoots.photoCount(), byApp.size());
        assertEquals(byApp, byClassify, "classify's CSV and the app");
        Map<String, String> appByStem = new HashMap<>();
        byApp.forEach((file, label) -> appByStem.put(
                file.replaceFirst("\\.[^.]+$", "") + ".jpg",
                label.toLowerCase(Locale.ROOT))); // {room} is written in lower case
        assertEquals(new TreeMap<>(appByStem), byExport, "export-listing's {room} and the app");
    }
}
