package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.roomnet.app.main.WindowFixture.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.photos.PhotoGroup;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window on a small screen (issue 19, point 5): at 1024x640 the menu, toolbar and status bar are on the
 * window, nothing hides behind the toolbar's overflow button, and no title, button or side-bar hint is cut to "…".
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenUiTest {

    @TempDir
    Path temp;

    private WindowFixture window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = new WindowFixture(temp, stage);
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    @Test
    void at1024x640EveryKeyControlIsOnTheWindowAndReadable(FxRobot robot) throws Exception {
        everyKeyControlIsOnTheWindowAndReadable(robot, 1024, 640);
    }

    /** The window WindowState opens on a 1024x640 screen: room left for openbox's frame (title bar, borders). */
    @Test
    void inTheWindowOpenedOnA1024x640ScreenEveryKeyControlIsOnTheWindowAndReadable(FxRobot robot) throws Exception {
        everyKeyControlIsOnTheWindowAndReadable(robot, 1024 - 8, Math.floor(640 * 0.96));
    }

    private void everyKeyControlIsOnTheWindowAndReadable(FxRobot robot, double width, double height) throws Exception {
        resize(width, height);
        window.openShoot(robot);
        List<String> problems = new ArrayList<>();
        fx(() -> {
            for (String id : List.of(
                    "#menuBar",
                    "#toolBar",
                    "#exportButton",
                    "#sortButton",
                    "#needsReviewToggle",
                    "#notReviewedToggle",
                    "#orderBox",
                    "#sizeSlider",
                    "#groupTitle",
                    "#statusBar",
                    "#summaryLabel",
                    "#modelLabel",
                    "#sidebar-scroll",
                    "#group-" + window.vm.photos().groups().get(0).label())) {
                checkOnWindow(id, problems);
            }
            window.view
                    .root()
                    .lookupAll(".sidebar-hint")
                    .forEach(n -> checkReadable("side-bar hint", (Labeled) n, problems));
            return null;
        });
        robot.clickOn("#group-Listing");
        WindowFixture.waitUntil(
                () -> window.vm.photos().isListing(window.vm.photos().current()));
        fx(() -> {
            checkOnWindow("#groupTitle", problems);
            checkOnWindow("#exportListingButton", problems);
            return null;
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void atTheLeastWindowSizeTheMenuAndStatusBarStayOnTheWindow(FxRobot robot) throws Exception {
        resize(stage.getMinWidth(), stage.getMinHeight());
        window.openShoot(robot);
        PhotoGroup largest = window.showLargestGroup(robot);
        List<String> problems = new ArrayList<>();
        fx(() -> {
            assertEquals(largest, window.vm.photos().current());
            for (String id : List.of("#menuBar", "#statusBar", "#summaryLabel", "#groupTitle")) {
                checkOnWindow(id, problems);
            }
            return null;
        });
        assertEquals(List.of(), problems);
    }

    private void resize(double width, double height) throws Exception {
        fx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        WindowFixture.waitUntil(
                () -> stage.getScene().getHeight() <= height && stage.getScene().getWidth() <= width);
    }

    /** Shown (not behind the overflow button, not hidden), wholly inside the window, and its text not cut. */
    private void checkOnWindow(String id, List<String> problems) {
        Node node = window.view.root().lookup(id);
        if (node == null || !shown(node)) {
            problems.add(id + " is not shown");
            return;
        }
        Scene scene = node.getScene();
        Bounds b = node.localToScene(node.getBoundsInLocal());
        if (b.getMinX() < -0.5
                || b.getMinY() < -0.5
                || b.getMaxX() > scene.getWidth() + 0.5
                || b.getMaxY() > scene.getHeight() + 0.5
                || b.getWidth() < 1
                || b.getHeight() < 1) {
            problems.add(id + " is not inside the " + scene.getWidth() + "x" + scene.getHeight() + " window: " + b);
        }
        if (node instanceof Labeled labeled) {
            checkReadable(id, labeled, problems);
        }
    }

    private static void checkReadable(String what, Labeled labeled, List<String> problems) {
        Node text = labeled.lookup(".text");
        String shown = text instanceof Text t ? t.getText() : null;
        String full = labeled.getText();
        if (full != null && !full.isEmpty() && !full.equals(shown)) {
            problems.add(what + " shows \"" + shown + "\" of \"" + full + "\"");
        }
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
