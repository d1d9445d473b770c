package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomnet.app.main.WindowFixture.cellOf;
import static org.roomnet.app.main.WindowFixture.fx;
import static org.roomnet.app.main.WindowFixture.waitUntil;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.TestShoots;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.memory.MemoryStore;
import org.roomnet.core.review.ReviewSidecar;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16: "New Room Type…" in the window. The agent names a room type, moves photos into it; the review saves
 * it (an empty one too); the shoot opened again shows it with its photos; and the next shoot is proposed the new
 * type for a near-duplicate of one of them, by the memory.
 */
@ExtendWith(ApplicationExtension.class)
class NewRoomTypeUiTest {

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
    void aNewRoomTypeIsSavedReopenedAndProposedInTheNextShoot(FxRobot robot) throws Exception {
        window.openShoot(robot);
        int modelRooms = fx(() -> vm.photos().groups().size());

        // refused: the model's Kitchen, whatever the case; nothing is added
        window.dialogs.roomTypeAnswer = "kitchen";
        robot.clickOn("Edit").clickOn("New Room Type\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.dialogs.roomTypeProblem.isEmpty(), "the dialog says why while the name is typed");
        assertEquals(1, window.dialogs.errors.size(), window.dialogs.errors.toString());
        assertTrue(window.dialogs.errors.get(0).contains("Kitchen"), window.dialogs.errors.toString());
        assertEquals(modelRooms, fx(() -> vm.photos().groups().size()));
        window.dialogs.errors.clear();

        // two photos into "Garage" through a photo's context menu; the name is tidied
        PhotoGroup shown = window.showLargestGroup(robot);
        List<PhotoItem> moved =
                fx(() -> List.copyOf(vm.photos().current().shown().subList(0, 2)));
        robot.clickOn(cellOf(robot, moved.get(0)));
        robot.press(KeyCode.CONTROL)
                .clickOn(cellOf(robot, moved.get(1)), MouseButton.PRIMARY)
                .release(KeyCode.CONTROL);
        window.dialogs.roomTypeAnswer = "  Garage  ";
        openContextMenu(robot, cellOf(robot, moved.get(1)));
        robot.clickOn("Move to New Room Type\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", window.dialogs.roomTypeProblem);
        PhotoGroup garage = fx(() -> vm.photos().group("Garage").orElseThrow());
        assertEquals(2, fx(garage::count));
        for (PhotoItem item : moved) {
            assertEquals("Garage", window.reviewOf(item.file()).agentLabel());
        }
        assertTrue(
                robot.lookup("#grid-" + shown.label())
                        .tryQuery()
                        .map(javafx.scene.Node::isVisible)
                        .orElse(false),
                "the room on screen stays on screen when a room type is added");

        // an empty room (Edit › New Room Type…, as above): shown, saved, restored
        window.dialogs.roomTypeAnswer = "Pool";
        fx(() -> {
            vm.newRoomType();
            return null;
        });
        assertTrue(fx(() -> vm.photos().group("Pool").isPresent()));
        assertTrue(robot.lookup("#group-Pool").tryQuery().isPresent(), "the new room is in the side bar");
        assertTrue(window.dialogs.errors.isEmpty(), window.dialogs.errors.toString());

        vm.saveNowForTests();
        List<String> saved = ReviewSidecar.read(window.shoot).orElseThrow().classNames();
        assertEquals(List.of("Garage", "Pool"), saved.subList(saved.size() - 2, saved.size()));

        // the shoot opened again (after another one, so the window holds nothing of it): read from its review file
        Path other = Files.createDirectories(temp.resolve("empty"));
        openAndWait(robot, other, 0);
        openAndWait(robot, window.shoot, TestShoots.photoCount());
        assertEquals(0, fx(vm::lastClassifiedCount), "restored from the review, not classified");
        assertEquals(2, fx(() -> vm.photos().group("Garage").orElseThrow().count()));
        assertTrue(fx(() -> vm.photos().group("Pool").isPresent()), "the empty room survives");
        for (PhotoItem item : moved) {
            assertEquals("Garage", window.reviewOf(item.file()).agentLabel());
        }

        // the next shoot: a near-duplicate of a Garage photo (scaled, re-encoded) is proposed as Garage, by the memory
        Path next = Files.createDirectories(temp.resolve("next shoot"));
        Path nearDuplicate = next.resolve("same-garage.jpg");
        writeScaled(moved.get(0).file(), nearDuplicate, 0.85);
        openAndWait(robot, next, 1);
        waitUntil(() -> vm.memoryTextProperty().get().equals("Learned from 2 photos"));
        assertEquals(
                "Garage", window.reviewOf(nearDuplicate).modelLabel(), "proposed as the room type the agent added");
        assertEquals("memory", window.reviewOf(nearDuplicate).source());
        assertEquals(1, fx(() -> vm.photos().group("Garage").orElseThrow().count()));
    }

    /** Headless Monocle makes no context-menu event of a right click: the event a platform sends, fired here. */
    private static void openContextMenu(FxRobot robot, Node cell) throws Exception {
        Bounds b = cell.localToScreen(cell.getBoundsInLocal());
        fx(() -> {
            Event.fireEvent(
                    cell,
                    new ContextMenuEvent(
                            ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                            b.getWidth() / 2,
                            b.getHeight() / 2,
                            b.getCenterX(),
                            b.getCenterY(),
                            false,
                            null));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openAndWait(FxRobot robot, Path folder, int photos) throws Exception {
        window.dialogs.folder = folder;
        robot.clickOn(".main-toolbar .accent");
        waitUntil(() -> folder.equals(vm.folder())
                && !vm.busyProperty().get()
                && vm.photos().groups().stream().mapToInt(PhotoGroup::count).sum() == photos);
    }

    private static void writeScaled(Path from, Path to, double scale) throws Exception {
        BufferedImage in = ImageIO.read(from.toFile());
        int w = (int) Math.round(in.getWidth() * scale);
        int h = (int) Math.round(in.getHeight() * scale);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        assertTrue(ImageIO.write(out, "jpg", to.toFile()));
    }
}
