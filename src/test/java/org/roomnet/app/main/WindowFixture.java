package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.roomnet.app.ScriptedDialogs;
import org.roomnet.app.TestShoots;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.task.FxTaskExecutor;
import org.roomnet.app.util.UserSettings;
import org.roomnet.app.util.WindowState;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.listing.ExportRecords;
import org.roomnet.core.memory.MemoryStore;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.review.PhotoReview;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window for TestFX tests (headless, Monocle): the real model on a shoot of pool photos,
 * dialogs answered by script, settings in a throw-away preferences node, and helpers to wait for the
 * UI thread. Assertions are about mechanics, never about which room the model picks.
 */
final class WindowFixture {

    final Path shoot;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final MainViewModel vm;
    final MainView view;
    private final Preferences prefs = Preferences.userRoot().node("roomnet-test/" + UUID.randomUUID());
    private final FxTaskExecutor executor = new FxTaskExecutor();

    WindowFixture(Path temp, Stage stage) throws Exception {
        this(temp, stage, ModelService.of(TestShoots.classifier()));
    }

    /** The window on another model (a generated one with other room types, say). */
    WindowFixture(Path temp, Stage stage, ModelService models) throws Exception {
        this(temp, stage, models, null);
    }

    /** The window with a memory of reviewed photos kept in {@code memory} (null: none). */
    WindowFixture(Path temp, Stage stage, ModelService models, MemoryStore memory) throws Exception {
        shoot = TestShoots.create(temp.resolve("shoot"));
        vm = new MainViewModel(
                executor,
                models,
                dialogs,
                new JournalStore(temp.resolve("journals")),
                new ExportRecords(temp.resolve("listings")),
                new UserSettings(prefs),
                50,
                memory);
        view = new MainView(vm, new WindowState(prefs), dialogs);
        view.show(stage);
        vm.loadModel();
    }

    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::shutdown).get(20, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
        executor.shutdown();
        try {
            prefs.removeNode();
        } catch (BackingStoreException | IllegalStateException ignored) {
            // only test preferences
        }
    }

    /** Opens the test shoot with the toolbar's Open Folder button and waits until every photo is classified. */
    void openShoot(FxRobot robot) throws Exception {
        dialogs.folder = shoot;
        robot.clickOn(".main-toolbar .accent");
        waitUntil(() -> vm.folder() != null
                && !vm.busyProperty().get()
                && vm.photos().groups().stream().mapToInt(PhotoGroup::count).sum() == TestShoots.photoCount());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Shows the room with most photos: at least two of the twelve, whatever the model predicts. */
    PhotoGroup showLargestGroup(FxRobot robot) throws Exception {
        PhotoGroup largest = fx(() -> vm.photos().groups().stream()
                .max(Comparator.comparingInt(PhotoGroup::count))
                .orElseThrow());
        robot.clickOn("#group-" + largest.label());
        waitUntil(() -> vm.photos().current() == largest);
        return largest;
    }

    PhotoItem firstShown() throws Exception {
        return fx(() -> vm.photos().current().shown().get(0));
    }

    PhotoGroup otherGroupThan(String label) {
        return vm.photos().groups().stream()
                .filter(g -> !g.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    PhotoReview reviewOf(Path file) throws Exception {
        return fx(() -> vm.review().orElseThrow().get(file).orElseThrow());
    }

    /** The cell on screen showing {@code item}: a grid keeps spare cells (in hidden rows) that may hold it too. */
    static Node cellOf(FxRobot robot, PhotoItem item) {
        return robot.lookup(".photo-cell")
                .match(n -> n instanceof PhotoCell c && c.getItem() == item && shownOnScreen(n))
                .query();
    }

    private static boolean shownOnScreen(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
