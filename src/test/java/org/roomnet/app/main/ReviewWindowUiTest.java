package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomnet.app.main.WindowFixture.cellOf;
import static org.roomnet.app.main.WindowFixture.fx;
import static org.roomnet.app.main.WindowFixture.waitUntil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.TestShoots;
import org.roomnet.app.dialogs.KeyHelp;
import org.roomnet.app.dialogs.ShortcutTableView;
import org.roomnet.app.dialogs.UnreviewedChoice;
import org.roomnet.app.photos.PhotoFilter;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.review.Percent;
import org.roomnet.core.review.PhotoReview;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The review window's second round (help, tiles, status bar, review progress, checklist, thumbnails), headless. */
@ExtendWith(ApplicationExtension.class)
class ReviewWindowUiTest {

    @TempDir
    Path temp;

    private WindowFixture window;
    private MainViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = new WindowFixture(temp, stage);
        vm = window.vm;
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theShortcutTableListsEveryMenuAcceleratorAndShowsAsTwoColumns(FxRobot robot) throws Exception {
        press(robot, KeyCode.F1);
        List<KeyHelp> rows = window.dialogs.shortcuts;
        assertNotNull(rows, "F1 shows the shortcuts");
        List<String> keys = rows.stream().map(KeyHelp::keys).toList();
        for (String expected : List.of("Ctrl+Shift+S", "Ctrl+W", "Ctrl+=", "Ctrl+-", "Ctrl+Z", "F1")) {
            assertTrue(keys.stream().anyMatch(k -> k.contains(expected)), expected + " in " + keys);
        }
        assertTrue(keys.stream().anyMatch(k -> k.contains("Ctrl+Y")), "the second redo key too");
        press(robot, KeyCode.CONTROL, KeyCode.R);
        assertEquals(
                PhotoFilter.NEEDS_REVIEW, fx(() -> vm.photos().filterProperty().get()), "bound from the table");
        press(robot, KeyCode.CONTROL, KeyCode.R);
        assertEquals(PhotoFilter.ALL, fx(() -> vm.photos().filterProperty().get()));
        List<String> accelerators = new ArrayList<>();
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        bar.getMenus().forEach(m -> collectAccelerators(m, accelerators));
        assertTrue(accelerators.size() >= 15, accelerators.toString());
        for (String a : accelerators) {
            assertTrue(keys.stream().anyMatch(k -> k.contains(a)), "menu accelerator " + a + " is in the table");
        }

        GridPane table = fx(() -> {
            ShortcutTableView view = new ShortcutTableView(rows);
            Stage help = new Stage();
            help.setScene(new Scene(view));
            help.show();
            return view;
        });
        List<Node> keyCells = new ArrayList<>(table.lookupAll(".shortcut-keys"));
        List<Node> actionCells = new ArrayList<>(table.lookupAll(".shortcut-action"));
        assertEquals(rows.size(), keyCells.size());
        assertEquals(rows.size(), actionCells.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(0, GridPane.getColumnIndex(keyCells.get(i)));
            assertEquals(1, GridPane.getColumnIndex(actionCells.get(i)));
            assertEquals(rows.get(i).keys(), ((Label) keyCells.get(i)).getText());
        }
    }

    private static void collectAccelerators(MenuItem item, List<String> into) {
        if (item.getAccelerator() != null) {
            into.add(item.getAccelerator().getDisplayText());
        }
        if (item instanceof Menu menu) {
            menu.getItems().forEach(i -> collectAccelerators(i, into));
        }
    }

    @Test
    void aCorrectedTileKeepsItsNameAndShowsTheModelsLabelOnlyInTheBadgeTooltip(FxRobot robot) throws Exception {
        window.openShoot(robot);
        PhotoItem item = window.firstShown();
        PhotoReview before = item.review();
        PhotoGroup target = window.otherGroupThan(before.modelLabel());
        assertTrue(fx(() -> vm.relabel(List.of(item), target.label())));
        robot.clickOn("#group-" + target.label());
        Node cell = cellOf(robot, item);

        assertEquals(
                PhotoCell.displayName(item.fileName()),
                robot.from(cell).lookup(".caption").queryAs(Label.class).getText());
        Label badge = robot.from(cell).lookup(".badge").queryAs(Label.class);
        assertEquals("Corrected", badge.getText());
        assertTrue(
                badge.getTooltip().getText().contains("the model said " + before.modelLabel()),
                badge.getTooltip().getText());
        assertEquals(
                "",
                robot.from(cell).lookup(".confidence").queryAs(Label.class).getText(),
                "no confidence figure for the agent's own label");
    }

    @Test
    void aRoomClickedDuringClassificationStaysOnScreen(FxRobot robot) throws Exception {
        PhotoGroup[] clicked = new PhotoGroup[1];
        fx(() -> {
            vm.classifyingProperty().addListener((o, was, now) -> {
                if (now && clicked[0] == null) {
                    // the agent clicks the last room while it is still empty, before the first result
                    clicked[0] = vm.photos().groups().get(vm.photos().groups().size() - 1);
                    Node tile = window.view.root().lookup("#group-" + clicked[0].label());
                    tile.fireEvent(new MouseEvent(
                            MouseEvent.MOUSE_CLICKED,
                            5,
                            5,
                            5,
                            5,
                            MouseButton.PRIMARY,
                            1,
                            false,
                            false,
                            false,
                            false,
                            true,
                            false,
                            false,
                            true,
                            false,
                            false,
                            null));
                }
            });
            return null;
        });
        window.openShoot(robot);
        assertNotNull(clicked[0]);
        assertSame(clicked[0], fx(() -> vm.photos().current()), "the room the agent chose, after every result");
    }

    @Test
    void theStatusMessageGivesWayAndTheCountsProviderAndModelStayReadable(FxRobot robot) throws Exception {
        window.openShoot(robot);
        fx(() -> {
            stage.setWidth(760);
            vm.statusModel()
                    .show(
                            "Copied 2,000 photos into /home/agent/listings/2026/12 Main Street, Springfield"
                                    + "_classified (Backyard 300, Bathroom 300, Bedroom 400, Frontyard 300, Kitchen 300, LivingRoom 400).",
                            false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of(".status-summary", ".status-provider", ".status-model")) {
            Label label = robot.lookup(id).queryAs(Label.class);
            assertFalse(label.getText().isEmpty(), id);
            assertEquals(label.getText(), shownText(label), id + " is not cut");
        }
        Label message = robot.lookup(".status-message").queryAs(Label.class);
        assertTrue(
                shownText(message).length() < message.getText().length(), "the message is cut: " + shownText(message));
        assertEquals(message.getText(), message.getTooltip().getText(), "its full text is in the tooltip");
    }

    private static String shownText(Label label) throws Exception {
        return fx(() -> ((Text) label.lookup(".text")).getText());
    }

    @Test
    void theSideBarCountsReviewedPhotosUntilAllAreReviewed(FxRobot robot) throws Exception {
        window.openShoot(robot);
        int photos = TestShoots.photoCount();
        Label progress = robot.lookup("#review-progress").queryAs(Label.class);
        assertEquals("Reviewed 0 of " + photos, progress.getText());

        for (PhotoGroup g : fx(() -> List.copyOf(vm.photos().groups()))) {
            if (g.count() == 0) {
                continue;
            }
            robot.clickOn("#group-" + g.label());
            press(robot, KeyCode.CONTROL, KeyCode.A);
            robot.type(KeyCode.getKeyCode(Integer.toString(g.key()))); // their own room's key: reviewed
            WaitForAsyncUtils.waitForFxEvents();
        }

        assertEquals("All " + photos + " photos reviewed", progress.getText());
        assertTrue(
                robot.lookup(".status-summary").queryAs(Label.class).getText().contains("all reviewed"));
        assertEquals(0, window.reviewOf(window.firstShown().file()).isCorrected() ? 1 : 0);
    }

    @Test
    void exportWithUnreviewedPhotosOffersToShowThem(FxRobot robot) throws Exception {
        window.openShoot(robot);
        window.dialogs.unreviewedAnswer = UnreviewedChoice.SHOW_THEM;
        press(robot, KeyCode.CONTROL, KeyCode.E);
        assertEquals(
                List.of("Export " + TestShoots.photoCount() + " of " + TestShoots.photoCount()),
                window.dialogs.unreviewedQuestions);
        assertTrue(robot.lookup(".main-toolbar .toggle-button")
                .match(n -> n instanceof ToggleButton t && t.getText().equals("Not reviewed"))
                .queryAs(ToggleButton.class)
                .isSelected());
        assertEquals(
                PhotoFilter.NOT_REVIEWED, fx(() -> vm.photos().filterProperty().get()));
        assertEquals(1, fx(() -> vm.photos().selection().items().size()));
    }

    @Test
    void theChecklistShowsEachNeededRoomAndFollowsTheAgent(FxRobot robot) throws Exception {
        window.openShoot(robot);
        for (String room : ListingChecklist.DEFAULT.rooms()) {
            int count = fx(() -> vm.photos().group(room).orElseThrow().count());
            Node row = robot.lookup("#checklist-" + room).query();
            Label mark = robot.from(row).lookup(".checklist-mark").queryAs(Label.class);
            assertEquals(count > 0 ? "\u2713" : "\u2717", mark.getText(), room);
        }
        assertTrue(robot.lookup("#checklist-Backyard").tryQuery().isEmpty(), "not on the default checklist");

        PhotoGroup kitchen = fx(() -> vm.photos().group("Kitchen").orElseThrow());
        fx(() -> {
            for (PhotoGroup g : List.copyOf(vm.photos().groups())) {
                vm.relabel(List.copyOf(g.shown()), g == kitchen ? "Bathroom" : "Kitchen");
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node kitchenRow = robot.lookup("#checklist-Kitchen").query();
        Node frontyardRow = robot.lookup("#checklist-Frontyard").query();
        assertEquals(
                "\u2713",
                robot.from(kitchenRow)
                        .lookup(".checklist-mark")
                        .queryAs(Label.class)
                        .getText());
        assertTrue(robot.from(frontyardRow)
                .lookup(".checklist-room")
                .queryAs(Label.class)
                .getText()
                .contains("missing"));

        window.dialogs.listingRoomsAnswer = List.of("Backyard", "Kitchen");
        robot.clickOn("#checklist-change");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#checklist-Backyard").tryQuery().isPresent());
        assertTrue(robot.lookup("#checklist-Frontyard").tryQuery().isEmpty());
    }

    @Test
    void thumbnailsGrowTo400PixelsAndShowWhatTheRuleUses(FxRobot robot) throws Exception {
        window.openShoot(robot);
        window.showLargestGroup(robot);
        Slider slider = robot.lookup(".main-toolbar .slider").queryAs(Slider.class);
        assertEquals(400, slider.getMax());
        fx(() -> {
            vm.thumbnailSizeProperty().set(400);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        PhotoItem item = window.firstShown();
        waitUntil(() -> item.thumbnailProperty().get() != null);
        Node cell = cellOf(robot, item);
        assertEquals(400, cell.getLayoutBounds().getWidth(), 1);
        ImageView image = robot.from(cell).lookup(".image-view").queryAs(ImageView.class);
        waitUntil(() -> image.getImage() != null);
        assertTrue(
                image.getImage().getWidth() > 300 || image.getImage().getHeight() > 300,
                "decoded for 400 px, not stretched from 200: "
                        + image.getImage().getWidth());
        double pictureTop =
                robot.from(cell).lookup(".picture").query().localToScene(0, 0).getY();
        double imageTop = image.localToScene(
                        image.getLayoutBounds().getMinX(),
                        image.getLayoutBounds().getMinY())
                .getY();
        double band = imageTop - pictureTop;
        double slack =
                (robot.from(cell).lookup(".picture").query().getLayoutBounds().getHeight()
                                - image.getLayoutBounds().getHeight())
                        / 2;
        assertTrue(band <= slack + 1, "no grey band above the photo: " + band);

        fx(() -> {
            vm.thumbnailSizeProperty().set(90);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (Node n : robot.lookup(".photo-cell").queryAll()) {
            if (n instanceof PhotoCell c && c.getItem() != null && n.isVisible()) {
                Label caption = robot.from(n).lookup(".caption").queryAs(Label.class);
                assertEquals(PhotoCell.displayName(c.getItem().fileName()), caption.getText(), "no extension");
                String name = caption.getText();
                String rendered = shownText(caption);
                if (Character.isDigit(name.charAt(name.length() - 1))) {
                    assertTrue(rendered.endsWith(name.substring(name.length() - 2)), "keeps its number: " + rendered);
                } else if (!rendered.equals(name)) {
                    assertTrue(
                            rendered.startsWith(name.substring(0, 1))
                                    && rendered.endsWith(name.substring(name.length() - 1)),
                            "cut in the middle: " + rendered);
                }
                String shown =
                        robot.from(n).lookup(".confidence").queryAs(Label.class).getText();
                PhotoReview r = c.getItem().review();
                assertEquals(Percent.whole(r.confidence()), shown);
                String badge =
                        robot.from(n).lookup(".badge").queryAs(Label.class).getText();
                if ("Low".equals(badge)) {
                    assertTrue(
                            Integer.parseInt(shown.replace(" %", "")) < 60, "a Low photo never reads 60 %: " + shown);
                }
            }
        }
    }
}
