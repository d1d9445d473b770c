package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.TestShoots;
import org.roomnet.app.dialogs.KeyHelp;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.testing.TinyOnnx;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15 in the window: the groups, number keys, drag targets, shortcut table and checklist come from the
 * model's own room types. A generated nine-class model (v3's names) whose unknown score, 0.6, is above its
 * threshold (0.5) but below its label threshold (0.8): every photo keeps its label and needs review.
 */
@ExtendWith(ApplicationExtension.class)
class NineRoomTypesUiTest {

    @TempDir
    Path temp;

    private WindowFixture window;
    private RoomClassifier classifier;
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path model = TinyOnnx.v3(0.6f)
                .write(Files.createDirectories(temp.resolve("model")).resolve("v3.onnx"));
        classifier = RoomClassifier.open(model, ProviderPreference.CPU);
        window = new WindowFixture(temp, stage, ModelService.of(classifier));
        vm = window.vm;
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
        classifier.close();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WindowFixture.fx(c);
    }

    private static void press(FxRobot robot, KeyCode key) {
        robot.press(key).release(key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aGroupAndANumberKeyPerRoomTypeOfTheModelAndTheUnknownRuleFlagsEveryPhoto(FxRobot robot) throws Exception {
        window.openShoot(robot);
        List<PhotoGroup> groups = fx(() -> List.copyOf(vm.photos().groups()));
        assertEquals(
                TinyOnnx.NINE, groups.stream().map(PhotoGroup::label).toList(), "one group per class, in model order");
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6, 7, 8, 9),
                groups.stream().map(PhotoGroup::key).toList());
        for (String room : List.of("DiningRoom", "FloorPlan", "Other")) {
            assertNotNull(robot.lookup("#group-" + room).query(), room + " has its tile");
        }
        assertEquals(
                TestShoots.photoCount(),
                fx(() -> vm.review().orElseThrow().needsReviewCount()).intValue(),
                "every photo is unlike the training photos (score 0.6 >= 0.5)");
        PhotoItem any = fx(() -> vm.photos().groups().stream()
                .flatMap(g -> g.shown().stream())
                .findFirst()
                .orElseThrow());
        assertTrue(
                any.rules().reasons(any.review()).get(0).startsWith("unlike the photos the model learned from"),
                any.rules().reasons(any.review()).toString());

        // keys 7, 8, 9: DiningRoom, FloorPlan, Other
        PhotoGroup largest = window.showLargestGroup(robot);
        for (int key : new int[] {7, 8, 9}) {
            PhotoItem item = fx(() -> largest.shown().get(0));
            fx(() -> {
                vm.photos().selection().selectOnly(item);
                return null;
            });
            press(robot, KeyCode.valueOf("DIGIT" + key));
            assertEquals(
                    TinyOnnx.NINE.get(key - 1), window.reviewOf(item.file()).finalLabel(), "key " + key);
        }

        // drag and drop onto a new room's tile, as onto the six
        PhotoItem dragged = window.firstShown();
        robot.drag(WindowFixture.cellOf(robot, dragged)).dropTo("#group-FloorPlan");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("FloorPlan", window.reviewOf(dragged.file()).finalLabel());

        press(robot, KeyCode.F1);
        List<KeyHelp> rows = window.dialogs.shortcuts;
        assertNotNull(rows, "F1 shows the shortcuts");
        assertTrue(rows.stream().anyMatch(r -> r.keys().equals("1 \u2013 9")), rows.toString());

        // the checklist may ask for a floor plan: it is one of the room types offered
        window.dialogs.listingRoomsAnswer = List.of("Frontyard", "FloorPlan");
        fx(() -> {
            vm.checklist().change();
            return null;
        });
        List<ListingChecklist.Item> items = fx(() -> List.copyOf(vm.checklist().items()));
        assertEquals(
                List.of("Frontyard", "FloorPlan"),
                items.stream().map(ListingChecklist.Item::room).toList());
        assertTrue(items.get(1).present(), "a photo was labelled FloorPlan above");
    }
}
