package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.ScriptedDialogs;
import org.roomnet.app.TestShoots;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.task.HeldUiExecutor;
import org.roomnet.app.util.UserSettings;
import org.roomnet.app.util.WindowState;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.listing.ExportRecords;
import org.roomnet.core.organize.JournalStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * While a shoot is classified (issue 19, point 4): a room says "Classifying…" until it is final, never "no photos
 * in this shoot", and the grid moves by itself at most once, at the first photo labelled, and not at all once
 * the agent chose a group. The results reach the window one batch at a time ({@link HeldUiExecutor}), so the
 * window is looked at between every two of them.
 */
@ExtendWith(ApplicationExtension.class)
class ClassifyingViewUiTest {

    @TempDir
    Path temp;

    private final HeldUiExecutor executor = new HeldUiExecutor();
    private final Preferences prefs = Preferences.userRoot().node("roomnet-test/" + UUID.randomUUID());
    private MainViewModel vm;
    private MainView view;
    private Path shoot;

    @Start
    void start(Stage stage) throws Exception {
        shoot = TestShoots.create(temp.resolve("shoot"));
        ScriptedDialogs dialogs = new ScriptedDialogs();
        vm = new MainViewModel(
                executor,
                ModelService.of(TestShoots.classifier()),
                dialogs,
                new JournalStore(temp.resolve("journals")),
                new ExportRecords(temp.resolve("listings")),
                new UserSettings(prefs),
                50);
        view = new MainView(vm, new WindowState(prefs), dialogs);
        view.show(stage);
        vm.loadModel();
    }

    @AfterEach
    void tearDown() throws Exception {
        CompletableFuture<Void> closed = WindowFixture.fx(vm::shutdown);
        while (!closed.isDone() && executor.releaseNext(100)) {
            // the last save hands its end to the UI thread too
        }
        closed.get(20, TimeUnit.SECONDS);
        executor.shutdown();
        prefs.removeNode();
    }

    @Test
    void theViewSaysClassifyingAndMovesOnceAtTheFirstPhotoLabelled() throws Exception {
        openAndReleaseUntilClassifying();
        assertSame(
                vm.photos().pendingProperty().get(),
                WindowFixture.fx(() -> vm.photos().current()),
                "nothing labelled yet: the photos being read are on screen, not an empty room");
        assertFalse(placeholder().contains("in this shoot"), placeholder());

        PhotoGroup first = null;
        while (releaseOne()) {
            PhotoGroup now = WindowFixture.fx(() -> vm.photos().current());
            Optional<PhotoGroup> withPhotos = WindowFixture.fx(() ->
                    vm.photos().groups().stream().filter(g -> g.count() > 0).findFirst());
            if (first == null && withPhotos.isPresent()) {
                first = now;
                assertSame(withPhotos.get(), now, "at the first photo labelled, its room is shown");
            } else if (first != null) {
                assertSame(first, now, "once shown, the room stays on screen while the rest is classified");
            }
        }
        assertNotNull(first, "the shoot's photos were labelled");
        assertEquals(TestShoots.photoCount(), WindowFixture.fx(() -> ViewModelFixture.shownPhotos(vm)));
    }

    @Test
    void aRoomTheAgentShowsWhileClassifyingSaysSoAndStaysOnScreen(FxRobot robot) throws Exception {
        openAndReleaseUntilClassifying();
        PhotoGroup chosen = WindowFixture.fx(
                () -> vm.photos().groups().get(vm.photos().groups().size() - 1));
        assertEquals(0, chosen.count(), "no result has reached the window yet");
        robot.clickOn("#group-" + chosen.label());
        WindowFixture.waitUntil(() -> vm.photos().current() == chosen);
        assertEquals("Classifying\u2026 no " + chosen.label() + " photo found yet", placeholder());
        assertTrue(subtitle().contains("classifying"), subtitle());

        while (releaseOne()) {
            assertSame(chosen, WindowFixture.fx(() -> vm.photos().current()), "the view stays where the agent put it");
            if (WindowFixture.fx(() -> vm.classifyingProperty().get() && chosen.count() == 0)) {
                assertFalse(placeholder().contains("in this shoot"), placeholder());
            }
        }
        assertFalse(subtitle().contains("classifying"), "classification is over: " + subtitle());
        if (chosen.count() == 0) {
            assertEquals("No " + chosen.label() + " photos in this shoot", placeholder(), "now it is known");
        }
    }

    private void openAndReleaseUntilClassifying() throws Exception {
        WindowFixture.fx(() -> {
            vm.openFolder(shoot);
            return null;
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!WindowFixture.fx(() -> vm.classifyingProperty().get())) {
            executor.releaseNext(100);
            assertTrue(System.nanoTime() < end, "the shoot did not open");
        }
        assertEquals(PhotoItem.PENDING_NOTE, WindowFixture.fx(() -> label("#groupTitle")));
    }

    /** Hands the window the next batch; false once classification is over and nothing more comes. */
    private boolean releaseOne() throws Exception {
        return executor.releaseNext(
                WindowFixture.fx(() -> vm.classifyingProperty().get()) ? 30_000 : 500);
    }

    private String placeholder() throws Exception {
        return WindowFixture.fx(() -> label("#groupPlaceholder"));
    }

    private String subtitle() throws Exception {
        return WindowFixture.fx(() -> label("#groupSubtitle"));
    }

    private String label(String id) {
        return ((Label) view.root().lookup(id)).getText();
    }
}
