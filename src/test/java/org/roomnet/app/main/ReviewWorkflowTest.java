package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.TestShoots;
import org.roomnet.app.dialogs.UnreviewedChoice;
import org.roomnet.app.photos.PhotoFilter;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.sort.SortRequest;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.review.ListingChecklist;
import org.testfx.api.FxToolkit;

/** The review workflow of the main view model, without a window ({@link ViewModelFixture}). */
class ReviewWorkflowTest {

    private static final int PHOTOS = TestShoots.photoCount();

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

    private MainViewModel opened() throws Exception {
        MainViewModel vm = fixture.withModel();
        vm.openFolder(fixture.shoot());
        return vm;
    }

    /** Confirms every photo of every room: the agent's label is the model's. */
    private static void confirmAll(MainViewModel vm) {
        for (PhotoGroup g : vm.photos().groups()) {
            vm.photos().choose(g);
            vm.editor().confirmShown();
        }
    }

    @Test
    void aRoomTheAgentChoseStaysOnScreenWhileResultsArrive() throws Exception {
        MainViewModel vm = fixture.withModel();
        PhotoGroup[] chosen = new PhotoGroup[1];
        // the agent picks the last room as soon as the window shows the (still empty) rooms, before any result
        vm.photos().groups().addListener((javafx.collections.ListChangeListener<PhotoGroup>) c -> {
            if (!vm.photos().groups().isEmpty() && chosen[0] == null) {
                chosen[0] = vm.photos().groups().get(vm.photos().groups().size() - 1);
                vm.photos().choose(chosen[0]);
            }
        });
        vm.openFolder(fixture.shoot());
        assertEquals(PHOTOS, ViewModelFixture.shownPhotos(vm), "every result arrived");
        assertSame(chosen[0], vm.photos().current(), "still the room the agent chose");
    }

    @Test
    void withoutAChoiceTheViewGoesToTheFirstRoomWithPhotos() throws Exception {
        MainViewModel vm = opened();
        assertTrue(vm.photos().current().count() > 0);
    }

    @Test
    void theCountsSayHowManyAreReviewedAndWhenAllAre() throws Exception {
        MainViewModel vm = opened();
        ReviewCounts counts = vm.counts();
        assertEquals(PHOTOS, counts.photosProperty().get());
        assertEquals(0, counts.reviewedProperty().get());
        assertTrue(
                counts.summaryProperty().get().contains("0 of " + PHOTOS + " reviewed"),
                counts.summaryProperty().get());
        PhotoItem first = vm.photos().current().shown().get(0);
        vm.photos().selection().selectOnly(first);
        vm.editor().relabelSelectionWithKey(vm.photos().current().key()); // its own room's key: confirmed
        assertTrue(first.review().isReviewed() && !first.review().isCorrected());
        assertEquals(1, counts.reviewedProperty().get());
        assertFalse(counts.allReviewedBinding().get());

        confirmAll(vm);

        assertTrue(counts.allReviewedBinding().get());
        assertTrue(
                counts.summaryProperty().get().contains("all reviewed"),
                counts.summaryProperty().get());
        assertEquals("All " + PHOTOS + " photos reviewed", counts.progressText().get());
        vm.editor().undo();
        assertFalse(counts.allReviewedBinding().get(), "undo counts too");
    }

    @Test
    void exportWithUnreviewedPhotosCanShowThemInstead() throws Exception {
        MainViewModel vm = opened();
        fixture.dialogs.unreviewedAnswer = UnreviewedChoice.SHOW_THEM;
        fixture.dialogs.xlsxTarget = temp.resolve("out.xlsx");

        vm.actions().exportXlsx();

        assertEquals(List.of("Export " + PHOTOS + " of " + PHOTOS), fixture.dialogs.unreviewedQuestions);
        assertFalse(Files.exists(temp.resolve("out.xlsx")), "nothing exported");
        assertEquals(PhotoFilter.NOT_REVIEWED, vm.photos().filterProperty().get());
        PhotoItem selected = vm.photos().selection().items().get(0);
        assertFalse(selected.review().isReviewed());
        assertSame(
                vm.photos().groups().stream()
                        .filter(g -> g.count() > 0)
                        .findFirst()
                        .orElseThrow(),
                vm.photos().current(),
                "the first room with photos to review");
    }

    @Test
    void sortWithUnreviewedPhotosCanBeCancelledOrDoneAnyway() throws Exception {
        MainViewModel vm = opened();
        Path dest = temp.resolve("sorted");
        fixture.dialogs.sortAnswer = new SortRequest(TransferMode.COPY, dest);
        fixture.dialogs.unreviewedAnswer = UnreviewedChoice.CANCEL;
        vm.actions().sortIntoFolders();
        assertNull(fixture.dialogs.lastSortPlan, "the sort dialog never opened");
        assertFalse(Files.exists(dest));

        fixture.dialogs.unreviewedAnswer = UnreviewedChoice.GO_ON;
        vm.actions().sortIntoFolders();
        assertEquals(PHOTOS, fixture.dialogs.lastSortPlan.unreviewed());
        assertTrue(Files.isDirectory(dest));
    }

    @Test
    void onceAllAreReviewedExportAsksNothing() throws Exception {
        MainViewModel vm = opened();
        confirmAll(vm);
        fixture.dialogs.xlsxTarget = temp.resolve("out.xlsx");
        vm.actions().exportXlsx();
        assertTrue(fixture.dialogs.unreviewedQuestions.isEmpty());
        assertTrue(Files.isRegularFile(temp.resolve("out.xlsx")));
    }

    @Test
    void undoingACopySaysCopiesWereRemovedAndIsNoError() throws Exception {
        MainViewModel vm = opened();
        vm.actions().sort(new SortRequest(TransferMode.COPY, temp.resolve("sorted")));
        vm.actions().undoLastSort();
        String said = vm.status().messageProperty().get();
        assertTrue(said.contains(PHOTOS + " copies removed"), said);
        assertFalse(vm.status().messageIsErrorProperty().get());
        assertTrue(fixture.dialogs.errors.isEmpty(), fixture.dialogs.errors.toString());
        assertTrue(fixture.dialogs.warnings.isEmpty(), fixture.dialogs.warnings.toString());
    }

    @Test
    void undoingASortThatLeavesFilesInPlaceWarnsButIsNoError() throws Exception {
        MainViewModel vm = opened();
        Path dest = temp.resolve("sorted");
        vm.actions().sort(new SortRequest(TransferMode.COPY, dest));
        // a file manager left its own file in a room folder: the folder must stay, and that is expected
        Path room;
        try (var dirs = Files.list(dest)) {
            room = dirs.findFirst().orElseThrow();
        }
        Files.writeString(room.resolve(".directory"), "[Dolphin]");

        vm.actions().undoLastSort();

        assertTrue(fixture.dialogs.errors.isEmpty(), fixture.dialogs.errors.toString());
        assertEquals(1, fixture.dialogs.warnings.size(), fixture.dialogs.warnings.toString());
        assertTrue(fixture.dialogs.warnings.get(0).contains(room.toString()), fixture.dialogs.warnings.get(0));
        assertFalse(vm.status().messageIsErrorProperty().get());
        assertTrue(Files.exists(room.resolve(".directory")));
    }

    @Test
    void closingThePreviewSelectsThePhotoItStoppedAt() throws Exception {
        MainViewModel vm = opened();
        PhotoGroup largest = vm.photos().groups().stream()
                .max(java.util.Comparator.comparingInt(PhotoGroup::count))
                .orElseThrow();
        vm.photos().choose(largest);
        vm.photos().selection().selectOnly(largest.shown().get(0));
        vm.openPreview();
        vm.preview().next();
        PhotoItem last = vm.preview().currentProperty().get();
        vm.preview().close();
        assertEquals(List.of(last), vm.photos().selection().items());
        assertSame(largest.shown().get(1), last);
    }

    @Test
    void openShootsAreRememberedAndChoosersStartBesideTheLastOne() throws Exception {
        MainViewModel vm = opened();
        Path folder = fixture.shoot().toAbsolutePath().normalize();
        vm.closeShoot().join();
        assertEquals(List.of(folder), vm.recentShoots());
        assertEquals(folder.getParent(), vm.chooserStart(), "not GTK's Recent view");
        MainViewModel later = fixture.withModel();
        assertEquals(List.of(folder), later.recentShoots(), "kept in the settings");
    }

    @Test
    void theChecklistFollowsTheReviewAndTheAgentsChoiceOfRooms() throws Exception {
        MainViewModel vm = opened();
        ChecklistModel checklist = vm.checklist();
        assertEquals(
                ListingChecklist.DEFAULT.rooms(),
                checklist.items().stream().map(ListingChecklist.Item::room).toList());
        // the agent labels every photo Kitchen: every other room of the checklist is missing
        PhotoGroup kitchen = vm.photos().group("Kitchen").orElseThrow();
        for (PhotoGroup g : List.copyOf(vm.photos().groups())) {
            vm.editor().relabel(List.copyOf(g.shown()), "Kitchen");
        }
        assertEquals(PHOTOS, kitchen.count());
        assertEquals(
                List.of("Kitchen"),
                checklist.items().stream()
                        .filter(ListingChecklist.Item::present)
                        .map(ListingChecklist.Item::room)
                        .toList());

        fixture.dialogs.listingRoomsAnswer = List.of("Kitchen", "Backyard");
        checklist.change();
        assertEquals(
                List.of("Kitchen", "Backyard"),
                checklist.items().stream().map(ListingChecklist.Item::room).toList());
        assertEquals(
                List.of("Kitchen", "Backyard"),
                fixture.withModel().checklist().checklist().rooms(),
                "kept in the settings");
    }
}
