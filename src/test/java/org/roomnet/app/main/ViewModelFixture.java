package org.roomnet.app.main;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.roomnet.app.ScriptedDialogs;
import org.roomnet.app.TestShoots;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.task.CurrentThreadExecutor;
import org.roomnet.app.util.UserSettings;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.listing.ExportRecords;
import org.roomnet.core.organize.JournalStore;

/**
 * Main view models without a window, for tests: the test thread is the UI thread and background work
 * runs in place ({@link CurrentThreadExecutor}); a test shoot of pool photos; settings in a throw-away
 * preferences node; dialogs answered by script.
 */
final class ViewModelFixture implements AutoCloseable {

    final Path temp;
    final Preferences prefs = Preferences.userRoot().node("roomnet-test/" + UUID.randomUUID());
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<MainViewModel> opened = new ArrayList<>();
    private final Map<MainViewModel, CurrentThreadExecutor> executors = new HashMap<>();
    private Path shoot;

    ViewModelFixture(Path temp) {
        this.temp = temp;
    }

    /** The test shoot: two pool photos per room type and a corrupt file; made once. */
    Path shoot() throws Exception {
        if (shoot == null) {
            shoot = TestShoots.create(temp.resolve("shoot"));
        }
        return shoot;
    }

    MainViewModel viewModel(ModelService models) throws Exception {
        shoot();
        CurrentThreadExecutor executor = new CurrentThreadExecutor();
        MainViewModel vm = new MainViewModel(
                executor,
                models,
                dialogs,
                new JournalStore(temp.resolve("journals")),
                new ExportRecords(temp.resolve("listings")),
                new UserSettings(prefs),
                10_000);
        executors.put(vm, executor);
        vm.loadModel();
        opened.add(vm);
        return vm;
    }

    MainViewModel withModel() throws Exception {
        return viewModel(ModelService.of(TestShoots.classifier()));
    }

    /** Saves {@code vm}'s review now and runs what the save posted for its UI thread (a merge, a lost claim). */
    void save(MainViewModel vm) {
        vm.saveNowForTests();
        executors.get(vm).drain();
    }

    static int shownPhotos(MainViewModel vm) {
        return vm.photos().groups().stream().mapToInt(PhotoGroup::count).sum();
    }

    static PhotoGroup otherGroup(MainViewModel vm, PhotoItem item) {
        return vm.photos().groups().stream()
                .filter(g -> !g.label().equals(item.review().finalLabel()))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public void close() throws BackingStoreException {
        opened.forEach(vm -> vm.shutdown().join());
        prefs.removeNode();
    }
}
