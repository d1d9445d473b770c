package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.ScriptedDialogs;
import org.roomnet.app.TestShoots;
import org.roomnet.app.photos.PhotoFilter;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.sort.SortRequest;
import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.util.Words;
import org.testfx.api.FxToolkit;

/**
 * The main view model without a window: the test thread is the UI thread and background work runs
 * in place ({@link ViewModelFixture}). Uses the real model on pool photos.
 */
class MainViewModelTest {

    @TempDir
    Path temp;

    private ViewModelFixture fixture;
    private ScriptedDialogs dialogs;
    private Path shoot;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // images need the JavaFX toolkit, not a window
    }

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ViewModelFixture(temp);
        dialogs = fixture.dialogs;
        shoot = fixture.shoot();
    }

    @AfterEach
    void closeAll() throws Exception {
        fixture.close();
    }

    private MainViewModel viewModel(ModelService models) throws Exception {
        return fixture.viewModel(models);
    }

    private MainViewModel withModel() throws Exception {
        return fixture.withModel();
    }

    private static int shownPhotos(MainViewModel vm) {
        return ViewModelFixture.shownPhotos(vm);
    }

    private static PhotoGroup otherGroup(MainViewModel vm, PhotoItem item) {
        return ViewModelFixture.otherGroup(vm, item);
    }

    @Test
    void openingClassifiesEveryFileAndSavesTheReviewWhenClosed() throws Exception {
        MainViewModel vm = withModel();
        vm.openFolder(shoot);
        assertEquals(TestShoots.photoCount(), shownPhotos(vm));
        assertEquals(1, vm.photos().unreadableProperty().get().count());
        assertEquals(TestShoots.photoCount() + 1, vm.lastClassifiedCount());
        assertFalse(vm.busyProperty().get());
        vm.closeShoot().join();
        assertTrue(Files.isRegularFile(ReviewSidecar.fileIn(shoot)));
        assertEquals(
                TestShoots.photoCount() + 1,
                ReviewSidecar.read(shoot).orElseThrow().photos().size());
    }

    @Test
    void aNewPhotoIsClassifiedOnReopenAndAGoneOneIsNoLongerShown() throws Exception {
        MainViewModel vm = withModel();
        vm.openFolder(shoot);
        vm.closeShoot().join();
        Path gone;
        try (Stream<Path> files = Files.list(shoot)) {
            gone = files.filter(p -> p.toString().endsWith(".jpg") && !p.endsWith(TestShoots.CORRUPT))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        Files.move(gone, shoot.resolve("renamed-" + gone.getFileName()));

        vm.openFolder(shoot);

        assertEquals(1, vm.lastClassifiedCount(), "only the new file");
        assertEquals(TestShoots.photoCount(), vm.lastRestoredCount());
        assertEquals(TestShoots.photoCount(), shownPhotos(vm));
        assertTrue(vm.photos().item(gone).isEmpty());
        assertEquals(TestShoots.photoCount() + 1, vm.review().orElseThrow().size(), "the gone photo is not counted");
        vm.closeShoot().join();
        assertEquals(
                TestShoots.photoCount() + 2,
                ReviewSidecar.read(shoot).orElseThrow().photos().size(),
                "the gone photo's review is kept in case it comes back");
    }

    @Test
    void withoutModelASavedReviewIsStillRestored() throws Exception {
        MainViewModel first = withModel();
        first.openFolder(shoot);
        PhotoItem item = first.photos().current().shown().get(0);
        first.relabel(List.of(item), otherGroup(first, item).label());
        String label = item.review().finalLabel();
        first.closeShoot().join();

        MainViewModel vm = viewModel(ModelService.loadingWith(() -> {
            throw new ModelLoadException("no model here");
        }));
        assertEquals("No model", vm.status().providerProperty().get());
        assertTrue(dialogs.errors.get(0).contains("no model here"), dialogs.errors.toString());

        vm.openFolder(shoot);
        assertEquals(0, vm.lastClassifiedCount());
        assertEquals(TestShoots.photoCount(), shownPhotos(vm));
        assertEquals(label, vm.photos().item(item.file()).orElseThrow().review().finalLabel());

        Path fresh = TestShoots.create(temp.resolve("fresh"));
        vm.openFolder(fresh);
        assertTrue(
                dialogs.errors.get(dialogs.errors.size() - 1).contains("cannot be classified"),
                dialogs.errors.toString());
    }

    @Test
    void openingSomePhotosShowsOnlyThemAndKeepsTheRestOfTheSavedReview() throws Exception {
        MainViewModel vm = withModel();
        vm.openFolder(shoot);
        vm.closeShoot().join();
        List<Path> two;
        try (Stream<Path> files = Files.list(shoot)) {
            two = files.filter(p -> p.toString().endsWith(".jpg") && !p.endsWith(TestShoots.CORRUPT))
                    .sorted()
                    .limit(2)
                    .toList();
        }

        vm.openPhotos(two);
        assertEquals(2, shownPhotos(vm));
        assertEquals(2, vm.lastRestoredCount());
        vm.relabel(
                List.of(vm.photos().item(two.get(0)).orElseThrow()),
                vm.photos().groups().get(0).label());
        vm.closeShoot().join();

        vm.openFolder(shoot);
        assertEquals(0, vm.lastClassifiedCount(), "the photos not opened stayed in the saved review");
        assertEquals(
                vm.photos().groups().get(0).label(),
                vm.photos().item(two.get(0)).orElseThrow().review().finalLabel());
    }

    @Test
    void cancellingKeepsWhatIsClassifiedAndReopeningClassifiesTheRest() throws Exception {
        MainViewModel vm = withModel();
        Path big = Files.createDirectories(temp.resolve("big"));
        try (Stream<Path> files = Files.list(shoot)) {
            List<Path> photos =
                    files.filter(p -> !p.endsWith(TestShoots.CORRUPT)).toList();
            for (int copy = 0; copy < 4; copy++) {
                for (Path p : photos) {
                    Files.copy(p, big.resolve(copy + "-" + p.getFileName()));
                }
            }
        }
        int total = 4 * TestShoots.photoCount();
        // cancel as soon as the first results are on screen (the same thread plays UI and worker here)
        vm.status().progressProperty().addListener((o, was, now) -> {
            if (now.doubleValue() > 0) {
                vm.cancel();
            }
        });
        vm.openFolder(big);
        int classified = vm.lastClassifiedCount();
        assertTrue(classified > 0 && classified < total, "stopped part-way: " + classified + " of " + total);
        assertTrue(
                vm.status().messageProperty().get().startsWith("Cancelled"),
                vm.status().messageProperty().get());
        assertEquals(classified, shownPhotos(vm));
        vm.closeShoot().join();

        MainViewModel again = withModel();
        again.openFolder(big);
        assertEquals(classified, again.lastRestoredCount());
        assertEquals(total - classified, again.lastClassifiedCount());
        assertEquals(total, shownPhotos(again));
    }

    @Test
    void photosFromSeveralFoldersAreRefused() throws Exception {
        MainViewModel vm = withModel();
        Path other = Files.createDirectories(temp.resolve("other"));
        Path a = Files.list(shoot)
                .filter(p -> p.toString().endsWith(".jpg"))
                .findFirst()
                .orElseThrow();
        Path b = Files.copy(a, other.resolve("b.jpg"));
        vm.openPhotos(List.of(a, b));
        assertTrue(vm.folder() == null);
        assertTrue(dialogs.errors.get(dialogs.errors.size() - 1).contains("several folders"));
    }

    @Test
    void aNumberKeyLabelsTheSelectionAndSelectsTheNextPhoto() throws Exception {
        MainViewModel vm = withModel();
        vm.openFolder(shoot);
        // the largest group has at least two of the twelve photos, whatever the model predicts
        PhotoGroup group = vm.photos().groups().stream()
                .max(java.util.Comparator.comparingInt(g -> g.shown().size()))
                .orElseThrow();
        vm.photos().currentProperty().set(group);
        List<PhotoItem> shown = List.copyOf(group.shown());
        vm.photos().selection().selectOnly(shown.get(0));
        PhotoGroup target = otherGroup(vm, shown.get(0));

        assertTrue(vm.editor().relabelSelectionWithKey(target.key()));

        assertEquals(target.label(), shown.get(0).review().finalLabel());
        assertEquals(List.of(shown.get(1)), vm.photos().selection().items());
        assertTrue(vm.editor().canUndoProperty().get());
        assertTrue(vm.editor().undoTextProperty().get().contains(target.label()));
    }

    @Test
    void confirmingAPhotoTakesItOutOfTheNeedsReviewFilter() throws Exception {
        MainViewModel vm = withModel();
        vm.openFolder(shoot);
        PhotoGroup group = vm.photos().groups().stream()
                .filter(g -> g.reviewCountProperty().get() > 0)
                .findFirst()
                .orElse(null);
        if (group == null) {
            return; // the model is sure of every photo: nothing to filter
        }
        vm.photos().currentProperty().set(group);
        vm.photos().filterProperty().set(PhotoFilter.NEEDS_REVIEW);
        int before = group.shown().size();
        int count = group.count();
        PhotoItem item = group.shown().get(0);
        vm.photos().selection().selectOnly(item);
        vm.editor().relabelSelectionWithKey(group.key());
        assertTrue(item.review().isReviewed());
        assertFalse(item.review().isCorrected(), "the model's own label: confirmed, not corrected");
        assertEquals(before - 1, group.shown().size());
        assertEquals(count, group.count(), "still in its group");
    }

    @Test
    void movingIntoFoldersEmptiesTheShootAndUndoPutsThePhotosBackWithTheirLabels() throws Exception {
        MainViewModel vm = withModel();
        vm.openFolder(shoot);
        PhotoItem item = vm.photos().current().shown().get(0);
        String label = otherGroup(vm, item).label();
        assertTrue(vm.relabel(List.of(item), label));
        Path file = item.file();
        Set<PhotoReview> before = Set.copyOf(vm.review().orElseThrow().photos());
        Path dest = temp.resolve("moved");

        vm.actions().sort(new SortRequest(TransferMode.MOVE, dest));

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        for (PhotoReview p : before) {
            assertEquals(!p.isReadable(), Files.exists(p.file()), "unreadable files stay: " + p.fileName());
            if (p.isReadable()) {
                assertTrue(Files.isRegularFile(dest.resolve(p.finalLabel()).resolve(p.fileName())));
            }
        }
        assertTrue(Files.isRegularFile(dest.resolve(label).resolve(file.getFileName())), "the agent's label decides");
        // the shoot shows its folder as it is now: the moved photos are gone from the window, nothing is classified
        assertEquals(0, shownPhotos(vm));
        assertEquals(1, vm.review().orElseThrow().size(), "only the unreadable file is left");
        assertTrue(vm.photos().item(file).isEmpty());
        assertEquals(0, vm.lastClassifiedCount());
        assertTrue(
                vm.status().messageProperty().get().contains("Undo Last Sort"),
                vm.status().messageProperty().get());

        // the agent opens the folder again before undoing the sort
        vm.closeShoot().join();
        vm.openFolder(shoot);
        assertEquals(0, shownPhotos(vm));
        assertEquals(0, vm.lastClassifiedCount());
        assertEquals(1, vm.lastRestoredCount());
        assertTrue(
                vm.status()
                        .messageProperty()
                        .get()
                        .contains(Words.plural(TestShoots.photoCount(), "photo") + " no longer in the folder"),
                vm.status().messageProperty().get());
        vm.saveNowForTests();
        assertEquals(
                before.size(),
                ReviewSidecar.read(shoot).orElseThrow().photos().size(),
                "the moved photos stay in the saved review");

        vm.actions().undoLastSort();

        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertFalse(Files.exists(dest));
        for (PhotoReview p : before) {
            assertTrue(Files.isRegularFile(p.file()), p.fileName());
        }
        // undo opens the shoot again: every photo is back with the agent's labels, nothing is classified again
        assertEquals(0, vm.lastClassifiedCount());
        assertEquals(before.size(), vm.lastRestoredCount());
        assertEquals(TestShoots.photoCount(), shownPhotos(vm));
        assertEquals(before, Set.copyOf(vm.review().orElseThrow().photos()));
        assertEquals(label, vm.photos().item(file).orElseThrow().review().finalLabel());
        assertTrue(
                vm.status().messageProperty().get().startsWith("Undid the last sort"),
                vm.status().messageProperty().get());
        vm.closeShoot().join();

        // and once more, as after a restart of the app
        MainViewModel again = withModel();
        again.openFolder(shoot);
        assertEquals(0, again.lastClassifiedCount());
        assertEquals(before, Set.copyOf(again.review().orElseThrow().photos()));
    }

    @Test
    void movingPhotosOpenedAloneAndUndoingShowsThemAgain() throws Exception {
        MainViewModel vm = withModel();
        List<Path> two;
        try (Stream<Path> files = Files.list(shoot)) {
            two = files.filter(p -> p.toString().endsWith(".jpg") && !p.endsWith(TestShoots.CORRUPT))
                    .sorted()
                    .limit(2)
                    .toList();
        }
        vm.openPhotos(two);
        PhotoItem item = vm.photos().item(two.get(0)).orElseThrow();
        String label = otherGroup(vm, item).label();
        vm.relabel(List.of(item), label);

        vm.actions().sort(new SortRequest(TransferMode.MOVE, temp.resolve("moved")));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertFalse(Files.exists(two.get(0)));
        assertEquals(0, vm.review().orElseThrow().size(), "both photos left the folder");
        assertEquals(0, vm.lastClassifiedCount());

        vm.actions().undoLastSort();
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
        assertEquals(2, shownPhotos(vm), "the same two photos, not the whole folder");
        assertEquals(0, vm.lastClassifiedCount());
        assertEquals(label, vm.photos().item(two.get(0)).orElseThrow().review().finalLabel());
    }
}
