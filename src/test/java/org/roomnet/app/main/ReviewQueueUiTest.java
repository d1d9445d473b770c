package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomnet.app.main.WindowFixture.cellOf;
import static org.roomnet.app.main.WindowFixture.fx;
import static org.roomnet.app.main.WindowFixture.waitUntil;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.dialogs.KeyHelp;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.testing.TestPhotos;
import org.roomnet.testing.TinyOnnx;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19 in the window: Needs review as one queue in the side bar, N / Shift+N from any room, the keys that
 * switch rooms, the review badges' legend, and rejected photos out of the review. The tiny six-class model is
 * never sure (its best score is below 60 %), so every photo needs review; solid colours spread the photos over
 * several rooms (cyan, blue, black and white fall in four of them).
 */
@ExtendWith(ApplicationExtension.class)
class ReviewQueueUiTest {

    private static final Color[] COLOURS = {Color.CYAN, Color.BLUE, Color.BLACK, Color.WHITE};
    private static final int PER_COLOUR = 2;

    @TempDir
    Path temp;

    private WindowFixture window;
    private RoomClassifier classifier;
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path model = TinyOnnx.six()
                .write(Files.createDirectories(temp.resolve("model")).resolve("six.onnx"));
        classifier = RoomClassifier.open(model, ProviderPreference.CPU);
        window = new WindowFixture(temp, stage, ModelService.of(classifier));
        vm = window.vm;
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
        classifier.close();
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens a shoot of solid-colour photos and waits until each is classified. */
    private void openColours() throws Exception {
        Path shoot = Files.createDirectories(temp.resolve("colours"));
        for (int c = 0; c < COLOURS.length; c++) {
            for (int i = 0; i < PER_COLOUR; i++) {
                BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(COLOURS[c]);
                g.fillRect(0, 0, 320, 240);
                g.dispose();
                TestPhotos.writeJpeg(img, shoot.resolve("c" + c + "-" + i + ".jpg"), false);
            }
        }
        fx(() -> {
            vm.openFolder(shoot);
            return null;
        });
        waitUntil(() -> vm.folder() != null
                && !vm.busyProperty().get()
                && vm.photos().groups().stream().mapToInt(PhotoGroup::count).sum() == COLOURS.length * PER_COLOUR);
        assertTrue(window.dialogs.errors.isEmpty(), window.dialogs.errors.toString());
    }

    private PhotoGroup queue() {
        return vm.photos().reviewQueueProperty().get();
    }

    private String queueCountText(FxRobot robot) {
        return robot.lookup(".review-queue-tile .group-count")
                .queryAs(Label.class)
                .getText();
    }

    private List<String> roomsInQueue() throws Exception {
        return fx(() -> queue().shown().stream()
                .map(i -> i.review().finalLabel())
                .distinct()
                .toList());
    }

    private void select(PhotoItem item) throws Exception {
        fx(() -> {
            vm.photos().selection().selectOnly(item);
            return null;
        });
    }

    private PhotoGroup groupOf(PhotoItem item) throws Exception {
        return fx(() -> vm.photos().group(item.review().finalLabel()).orElseThrow());
    }

    @Test
    void needsReviewShowsTheFlaggedPhotosOfEveryRoomAndItsCountFallsAfterACorrection(FxRobot robot) throws Exception {
        openColours();
        int total = COLOURS.length * PER_COLOUR;
        assertEquals(total, fx(() -> queue().reviewCountProperty().get()).intValue(), "the tiny model is never sure");
        assertEquals(Integer.toString(total), queueCountText(robot), "the side bar shows the count");
        List<String> rooms = roomsInQueue();
        assertTrue(rooms.size() >= 3, "flagged photos of several rooms: " + rooms);

        robot.clickOn(".review-queue-tile");
        waitUntil(() -> vm.photos().current() == queue());
        assertEquals(total, fx(() -> queue().shown().size()).intValue(), "one grid with every flagged photo");
        PhotoItem first = fx(() -> queue().shown().get(0));
        Node cell = cellOf(robot, first);
        Label tag = (Label) cell.lookup(".room-tag");
        assertTrue(tag.isVisible(), "each tile shows its room");
        assertEquals(first.review().finalLabel(), tag.getText());
        assertEquals(
                rooms,
                fx(() -> vm.photos().groups().stream()
                        .map(PhotoGroup::label)
                        .filter(rooms::contains)
                        .toList()),
                "room by room, in the side bar's order");

        // a correction: another room's number key
        PhotoGroup from = groupOf(first);
        int fromBadge = fx(() -> from.reviewCountProperty().get());
        PhotoGroup other = fx(() ->
                vm.photos().groups().stream().filter(g -> g != from).findFirst().orElseThrow());
        PhotoItem second = fx(() -> queue().shown().get(1));
        select(first);
        press(robot, KeyCode.valueOf("DIGIT" + other.key()));
        assertEquals(other.label(), window.reviewOf(first.file()).finalLabel());
        assertEquals(total - 1, fx(() -> queue().reviewCountProperty().get()).intValue());
        assertEquals(Integer.toString(total - 1), queueCountText(robot));
        assertFalse(fx(() -> queue().shown().contains(first)), "reviewed: out of the queue");
        assertEquals(fromBadge - 1, fx(() -> from.reviewCountProperty().get()).intValue(), "its room's badge too");
        assertSame(second, fx(() -> vm.photos().selection().anchor()), "the next photo to review is selected");
        assertSame(queue(), fx(() -> vm.photos().current()), "the queue stays on screen");

        // a confirmation: its own room's number key
        press(robot, KeyCode.valueOf("DIGIT" + groupOf(second).key()));
        assertTrue(window.reviewOf(second.file()).isReviewed());
        assertEquals(Integer.toString(total - 2), queueCountText(robot));
        assertFalse(fx(() -> queue().shown().contains(second)));

        // Ctrl+Enter cannot confirm photos of several rooms as one
        press(robot, KeyCode.CONTROL, KeyCode.ENTER);
        assertEquals(total - 2, fx(() -> queue().reviewCountProperty().get()).intValue());
    }

    @Test
    void nAndShiftNGoToTheNextAndPreviousFlaggedPhotoAcrossRooms(FxRobot robot) throws Exception {
        openColours();
        List<PhotoItem> order = fx(() -> List.copyOf(queue().shown()));
        PhotoGroup firstRoom = groupOf(order.get(0));
        robot.clickOn("#group-" + firstRoom.label());
        waitUntil(() -> vm.photos().current() == firstRoom);
        List<PhotoItem> seen = new ArrayList<>();
        List<PhotoGroup> shownRooms = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            press(robot, KeyCode.N);
            seen.add(fx(() -> vm.photos().selection().anchor()));
            shownRooms.add(fx(() -> vm.photos().current()));
        }
        assertEquals(order, seen, "N visits every flagged photo, room after room");
        for (int i = 0; i < seen.size(); i++) {
            assertSame(groupOf(seen.get(i)), shownRooms.get(i), "the room of each is on screen");
        }
        assertTrue(shownRooms.stream().distinct().count() >= 3, "it went across rooms");
        PhotoItem beforeLast = seen.get(seen.size() - 2);
        press(robot, KeyCode.SHIFT, KeyCode.N);
        assertSame(beforeLast, fx(() -> vm.photos().selection().anchor()), "Shift+N goes back");
        press(robot, KeyCode.N);
        press(robot, KeyCode.N);
        assertSame(order.get(0), fx(() -> vm.photos().selection().anchor()), "after the last: round to the first");
        assertSame(firstRoom, fx(() -> vm.photos().current()));
        assertTrue(
                vm.statusModel().messageProperty().get().contains("need review"),
                vm.statusModel().messageProperty().get());
    }

    @Test
    void ctrlNumberAndAltArrowsSwitchRoomsAndF1ListsThemWithTheBadgesLegend(FxRobot robot) throws Exception {
        openColours();
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
        assertEquals(2, fx(() -> vm.photos().current().key()).intValue());
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        assertEquals(5, fx(() -> vm.photos().current().key()).intValue());
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertSame(queue(), fx(() -> vm.photos().current()));
        press(robot, KeyCode.ALT, KeyCode.DOWN);
        assertEquals(1, fx(() -> vm.photos().current().key()).intValue(), "below Needs review: the first room");
        press(robot, KeyCode.ALT, KeyCode.DOWN);
        assertEquals(2, fx(() -> vm.photos().current().key()).intValue());
        press(robot, KeyCode.ALT, KeyCode.UP);
        press(robot, KeyCode.ALT, KeyCode.UP);
        assertSame(queue(), fx(() -> vm.photos().current()));
        assertEquals(0, fx(() -> vm.photos().selection().sizeProperty().get()).intValue(), "no photo was moved");

        press(robot, KeyCode.F1);
        List<KeyHelp> rows = window.dialogs.shortcuts;
        assertNotNull(rows, "F1 shows the shortcuts");
        List<String> keys = rows.stream().map(KeyHelp::keys).toList();
        for (String k : List.of(
                "N, Shift+N", "Ctrl+1 \u2013 6", "Ctrl+0", "Alt+\u2191, Alt+\u2193", "Orange number on a room")) {
            assertTrue(keys.contains(k), k + " in " + keys);
        }
        String legend = robot.lookup("#review-legend").queryAs(Label.class).getText();
        assertTrue(legend.startsWith("Orange number: photos that need review"), legend);
        Label badge = robot.lookup(".review-badge").match(Node::isVisible).queryAs(Label.class);
        assertTrue(Objects.requireNonNull(badge.getTooltip()).getText().startsWith("Orange number:"));
    }

    @Test
    void aRejectedPhotoNeedsNoReview(FxRobot robot) throws Exception {
        openColours();
        int total = COLOURS.length * PER_COLOUR;
        PhotoItem item = fx(() -> queue().shown().get(0));
        PhotoGroup room = groupOf(item);
        int badge = fx(() -> room.reviewCountProperty().get());
        robot.clickOn("#group-" + room.label());
        waitUntil(() -> vm.photos().current() == room);
        select(item);
        press(robot, KeyCode.X);
        assertTrue(window.reviewOf(item.file()).listing().rejected());
        assertEquals(badge - 1, fx(() -> room.reviewCountProperty().get()).intValue(), "not in its room's badge");
        assertEquals(Integer.toString(total - 1), queueCountText(robot), "nor in Needs review");
        assertFalse(fx(() -> queue().shown().contains(item)));
        assertEquals(
                total - 1,
                fx(() -> vm.review().orElseThrow().needsReviewCount()).intValue());
        press(robot, KeyCode.N);
        assertNotEquals(item, fx(() -> vm.photos().selection().anchor()), "N passes it by");
        select(item);
        press(robot, KeyCode.X);
        assertEquals(Integer.toString(total), queueCountText(robot), "taken back: it needs review again");
    }
}
