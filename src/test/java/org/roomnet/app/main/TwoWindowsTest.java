package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.testfx.api.FxToolkit;

/**
 * Issue 20: one shoot open in two windows (two view models; on a shared drive, two colleagues). Both
 * corrections are kept, and the second window says that the shoot is open elsewhere.
 */
class TwoWindowsTest {

    @TempDir
    Path temp;

    private ViewModelFixture fixture;
    private Path shoot;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ViewModelFixture(temp);
        shoot = fixture.shoot();
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    /** The readable photos of the shoot, by name. */
    private static List<Path> photos(MainViewModel vm) {
        return vm.review().orElseThrow().photos().stream()
                .filter(PhotoReview::isReadable)
                .map(PhotoReview::file)
                .sorted()
                .toList();
    }

    /** Labels {@code file} in {@code vm} with a room other than its current one; returns that room. */
    private static String correct(MainViewModel vm, Path file, boolean expectChanged) {
        PhotoItem item = vm.photos().item(file).orElseThrow();
        String label = ViewModelFixture.otherGroup(vm, item).label();
        assertEquals(expectChanged, vm.relabel(List.of(item), label));
        return label;
    }

    private static String label(MainViewModel vm, Path file) {
        return vm.review().orElseThrow().get(file).orElseThrow().finalLabel();
    }

    private Map<Path, String> savedAgentLabels() throws Exception {
        return ReviewSidecar.read(shoot).orElseThrow().photos().stream()
                .filter(p -> p.review().agentLabel() != null)
                .collect(
                        Collectors.toMap(p -> p.review().file(), p -> p.review().agentLabel()));
    }

    @Test
    void theSecondWindowIsReadOnlyAndSaysWhoHasTheShootAndOpenAnywayKeepsBothCorrections() throws Exception {
        MainViewModel windowA = fixture.withModel();
        windowA.openFolder(shoot);
        assertFalse(windowA.isReadOnly());
        MainViewModel windowB = fixture.withModel();
        windowB.openFolder(shoot);

        assertTrue(windowB.isReadOnly(), "the shoot is open in window A");
        String notice = windowB.claimNoticeProperty().get();
        assertTrue(
                notice.contains(System.getProperty("user.name") + " on ")
                        && notice.contains(" since ")
                        && notice.contains("read-only"),
                notice);
        assertTrue(windowB.status().messageProperty().get().contains(notice), "the status bar says so too");
        assertTrue(windowA.claimNoticeProperty().get().isEmpty());

        List<Path> files = photos(windowA);
        Path first = files.get(0);
        Path second = files.get(1);
        Path third = files.get(2);
        String firstLabel = correct(windowA, first, true); // "DSC_0001.jpg labelled Bedroom" in window A
        fixture.save(windowA);
        correct(windowB, second, false); // refused: read-only
        assertTrue(windowB.status().messageIsErrorProperty().get());
        assertFalse(windowB.editor().canUndoProperty().get());

        windowB.openAnyway();
        assertFalse(windowB.isReadOnly());
        assertTrue(windowB.claimNoticeProperty().get().isEmpty());
        assertEquals(firstLabel, label(windowB, first), "B took over with A's saved correction");
        String secondLabel = correct(windowB, second, true); // "DSC_0002.jpg labelled Kitchen" in window B
        fixture.save(windowB);

        // A has not noticed yet: its next correction is still saved (merged, B's kept), then A turns read-only
        String thirdLabel = correct(windowA, third, true);
        fixture.save(windowA);
        assertTrue(windowA.isReadOnly(), "A lost the shoot to B");
        assertTrue(
                windowA.claimNoticeProperty().get().startsWith("Taken over by "),
                windowA.claimNoticeProperty().get());
        correct(windowA, first, false);

        assertEquals(Map.of(first, firstLabel, second, secondLabel, third, thirdLabel), savedAgentLabels());
    }

    @Test
    void twoWritingWindowsThatDoNotSeeEachOthersClaimStillKeepBothCorrections() throws Exception {
        MainViewModel windowA = fixture.withModel();
        windowA.openFolder(shoot);
        Files.deleteIfExists(shoot.resolve(".roomnet-review.claim")); // as on a share that shows it late, or never
        MainViewModel windowB = fixture.withModel();
        windowB.openFolder(shoot);

        assertFalse(windowB.isReadOnly());
        List<Path> files = photos(windowA);
        String firstLabel = correct(windowA, files.get(0), true);
        fixture.save(windowA);
        String secondLabel = correct(windowB, files.get(1), true);
        fixture.save(windowB);

        assertEquals(
                Map.of(files.get(0), firstLabel, files.get(1), secondLabel),
                savedAgentLabels(),
                "B's save did not erase A's correction");
        assertEquals(firstLabel, label(windowB, files.get(0)), "B shows A's correction now");
        assertTrue(
                windowB.status().messageProperty().get().contains("merged"),
                windowB.status().messageProperty().get());

        assertTrue(windowA.isReadOnly(), "A's save found B's claim in place of its own: A is read-only now");
        assertTrue(windowA.claimNoticeProperty().get().startsWith("Taken over by "));
    }
}
