package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.TestShoots;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.testfx.api.FxToolkit;

/** Issue 18.6 in the app: one damaged line of the saved review costs that line only, and the file is kept. */
class DamagedReviewTest {

    @TempDir
    Path temp;

    private ViewModelFixture fixture;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() {
        fixture = new ViewModelFixture(temp);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void aDamagedLineIsNamedTheGoodLinesAreRestoredAndTheFileIsCopiedBeforeItIsSavedAgain() throws Exception {
        Path shoot = fixture.shoot();
        MainViewModel first = fixture.withModel();
        first.openFolder(shoot);
        List<Path> files = first.review().orElseThrow().photos().stream()
                .filter(PhotoReview::isReadable)
                .map(PhotoReview::file)
                .sorted()
                .toList();
        for (Path f : files.subList(0, 2)) {
            PhotoItem item = first.photos().item(f).orElseThrow();
            first.relabel(
                    List.of(item), ViewModelFixture.otherGroup(first, item).label());
        }
        String kept =
                first.review().orElseThrow().get(files.get(1)).orElseThrow().agentLabel();
        first.closeShoot().join();

        Path sidecar = ReviewSidecar.fileIn(shoot);
        List<String> lines = Files.readAllLines(sidecar);
        String name = files.get(0).getFileName().toString();
        int damaged = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("PHOTO\t" + name + "\t")) {
                lines.set(i, "PHOTO\t" + name + "\tbroken");
                damaged = i + 1;
            }
        }
        Files.write(sidecar, lines);
        String damagedText = Files.readString(sidecar);

        MainViewModel second = fixture.withModel();
        second.openFolder(shoot);
        String message = second.status().messageProperty().get();
        assertTrue(
                message.contains("line " + damaged + " (") && message.contains("every other line is restored"),
                message);
        assertEquals(TestShoots.photoCount(), second.lastRestoredCount(), "all but the damaged line's photo");
        assertEquals(
                kept,
                second.review().orElseThrow().get(files.get(1)).orElseThrow().agentLabel(),
                "the other correction is kept");

        fixture.save(second);
        try (Stream<Path> all = Files.list(shoot)) {
            Path copy = all.filter(p -> p.getFileName()
                            .toString()
                            .startsWith(ReviewSidecar.FILE_NAME + ReviewSidecar.DAMAGED_INFIX))
                    .findFirst()
                    .orElseThrow();
            assertEquals(damagedText, Files.readString(copy), "the damaged file is kept as it was");
        }
    }
}
