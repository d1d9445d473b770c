package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.dialogs.UnreviewedChoice;
import org.roomnet.app.sort.SortRequest;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.testing.Snapshot;
import org.testfx.api.FxToolkit;

/** Sort into Folders leaves the photos the agent rejected where they are, says so, and undo still works (issue 19). */
class SortRejectsTest {

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
    void aRejectedPhotoIsNotMovedTheDialogAndTheResultSaySoAndUndoPutsTheRestBack() throws Exception {
        MainViewModel vm = fixture.withModel();
        vm.openFolder(fixture.shoot());
        Map<String, String> before = Snapshot.of(fixture.shoot());
        List<PhotoReview> readable = vm.shoot().review().photos().stream()
                .filter(PhotoReview::isReadable)
                .toList();
        Path rejected = readable.get(0).file();
        assertTrue(vm.shoot().review().toggleRejected(List.of(rejected)));

        Path dest = temp.resolve("sorted");
        fixture.dialogs.unreviewedAnswer = UnreviewedChoice.GO_ON;
        fixture.dialogs.sortAnswer = new SortRequest(TransferMode.MOVE, dest);
        vm.actions().sortIntoFolders();

        assertEquals(1, fixture.dialogs.lastSortPlan.rejected());
        assertEquals(readable.size() - 1, fixture.dialogs.lastSortPlan.photos(), "the dialog's count leaves it out");
        assertTrue(Files.exists(rejected), "the rejected photo stays in the shoot folder");
        try (Stream<Path> sorted = Files.walk(dest)) {
            assertFalse(sorted.anyMatch(p -> p.getFileName().equals(rejected.getFileName())));
        }
        String said = String.join("\n", fixture.dialogs.infos);
        assertTrue(
                said.contains("Moved " + (readable.size() - 1) + " photos")
                        && said.contains("1 rejected photo stays in the shoot folder."),
                said);
        assertTrue(
                vm.shoot().review().photos().stream()
                        .anyMatch(p -> p.file().equals(rejected) && p.listing().rejected()),
                "reopened: the rejected photo is still shown, still rejected");

        vm.actions().undoLastSort();
        assertTrue(fixture.dialogs.errors.isEmpty(), fixture.dialogs.errors.toString());
        Map<String, String> after = Snapshot.of(fixture.shoot());
        after.keySet().removeIf(name -> name.startsWith(".roomnet"));
        before.keySet().removeIf(name -> name.startsWith(".roomnet"));
        assertEquals(before, after, "every moved photo is back, the rejected one never left");
    }
}
