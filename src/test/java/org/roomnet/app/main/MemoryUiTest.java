package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.roomnet.app.main.WindowFixture.fx;
import static org.roomnet.app.main.WindowFixture.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.TestShoots;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.memory.MemoryStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 16: a correction made in the window in one shoot changes what the window proposes in the next. */
@ExtendWith(ApplicationExtension.class)
class MemoryUiTest {

    @TempDir
    Path temp;

    private WindowFixture window;
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        window = new WindowFixture(
                temp,
                stage,
                ModelService.of(TestShoots.classifier()),
                new MemoryStore(temp.resolve("home").resolve(MemoryStore.FILE_NAME)));
        vm = window.vm;
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    @Test
    void aCorrectionInOneShootChangesTheProposalInTheNext(FxRobot robot) throws Exception {
        window.openShoot(robot);
        Label memory = robot.lookup("#memoryLabel").queryAs(Label.class);
        waitUntil(() -> memory.getText().equals("Learned from 0 photos"));

        PhotoGroup shown = window.showLargestGroup(robot);
        PhotoItem item = window.firstShown();
        PhotoGroup target = fx(() -> window.otherGroupThan(shown.label()));
        robot.clickOn(WindowFixture.cellOf(robot, item));
        robot.type(KeyCode.getKeyCode(Integer.toString(target.key())));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(target.label(), window.reviewOf(item.file()).agentLabel());

        Path next = Files.createDirectories(temp.resolve("next shoot"));
        Files.copy(item.file(), next.resolve("same-room.jpg"));
        window.dialogs.folder = next;
        robot.clickOn(".main-toolbar .accent");
        waitUntil(() -> next.equals(vm.folder())
                && !vm.busyProperty().get()
                && vm.photos().groups().stream().mapToInt(PhotoGroup::count).sum() == 1);

        waitUntil(() -> memory.getText().equals("Learned from 1 photo"));
        assertEquals(
                target.label(),
                window.reviewOf(next.resolve("same-room.jpg")).modelLabel(),
                "proposed as the agent corrected it in the last shoot");
        assertEquals("memory", window.reviewOf(next.resolve("same-room.jpg")).source());
        assertEquals(
                1,
                fx(() -> vm.photos().groups().stream()
                        .filter(g -> g.label().equals(target.label()))
                        .findFirst()
                        .orElseThrow()
                        .count()));
    }
}
