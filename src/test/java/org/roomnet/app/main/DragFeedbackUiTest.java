package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomnet.app.main.WindowFixture.fx;

import java.nio.file.Path;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drag feedback (issue 19, point 7): a room type lights up as a drop target without changing its size. */
@ExtendWith(ApplicationExtension.class)
class DragFeedbackUiTest {

    @TempDir
    Path temp;

    private WindowFixture window;

    @Start
    void start(Stage stage) throws Exception {
        window = new WindowFixture(temp, stage);
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    @Test
    void aDropTargetRowKeepsItsSizeAndTheRowsBelowStayInPlace(FxRobot robot) throws Exception {
        window.openShoot(robot);
        PhotoGroup shown = window.showLargestGroup(robot);
        PhotoItem photo = window.firstShown();
        PhotoGroup target = window.otherGroupThan(shown.label());
        Node tile = robot.lookup("#group-" + target.label()).query();
        Node below = fx(() -> {
            List<Node> rows = tile.getParent().getChildrenUnmodifiable();
            return rows.get(Math.min(rows.indexOf(tile) + 1, rows.size() - 1));
        });
        Bounds tileBefore = fx(() -> tile.localToScene(tile.getBoundsInLocal()));
        Bounds belowBefore = fx(() -> below.localToScene(below.getBoundsInLocal()));

        fx(() -> {
            window.view.drag().pretendDragging(List.of(photo));
            Node source = WindowFixture.cellOf(robot, photo);
            Bounds b = tile.localToScene(tile.getBoundsInLocal());
            tile.fireEvent(new DragEvent(
                    source,
                    tile,
                    DragEvent.DRAG_ENTERED,
                    null,
                    b.getCenterX(),
                    b.getCenterY(),
                    b.getCenterX(),
                    b.getCenterY(),
                    TransferMode.MOVE,
                    source,
                    tile,
                    new PickResult(tile, 0, 0)));
            tile.getScene().getRoot().applyCss();
            tile.getScene().getRoot().layout();
            return null;
        });
        assertTrue(
                fx(() -> tile.getPseudoClassStates().contains(PseudoClass.getPseudoClass("drop-target"))),
                "the row is marked as the drop target");
        assertEquals(tileBefore, fx(() -> tile.localToScene(tile.getBoundsInLocal())), "the target row keeps its size");
        assertEquals(belowBefore, fx(() -> below.localToScene(below.getBoundsInLocal())), "the row below stays put");
        fx(() -> {
            window.view.drag().finished();
            return null;
        });
    }

    @Test
    void aDropBetweenTwoPhotosOfTheListingIsTakenAndGoesThere(FxRobot robot) throws Exception {
        window.openShoot(robot);
        robot.clickOn("#group-Listing");
        WindowFixture.waitUntil(
                () -> window.vm.photos().isListing(window.vm.photos().current()));
        PhotoGroup listing = fx(() -> window.vm.photos().current());
        PhotoItem first = fx(() -> listing.shown().get(0));
        PhotoItem second = fx(() -> listing.shown().get(1));
        Node secondCell = WindowFixture.cellOf(robot, second);
        Node grid = robot.lookup("#grid-Listing").query();
        fx(() -> {
            window.view.drag().pretendDragging(List.of(first));
            Bounds b = secondCell.localToScene(secondCell.getBoundsInLocal());
            double x = b.getMaxX() + 2; // in the gap after the second photo, on no cell
            double y = b.getCenterY();
            grid.fireEvent(new DragEvent(
                    grid,
                    grid,
                    DragEvent.DRAG_DROPPED,
                    null,
                    x,
                    y,
                    x,
                    y,
                    TransferMode.MOVE,
                    grid,
                    grid,
                    new PickResult(grid, x, y)));
            return null;
        });
        WindowFixture.waitUntil(() -> listing.shown().indexOf(first) == 1);
        assertEquals(0, fx(() -> listing.shown().indexOf(second)), "the dragged photo went after the second one");
        assertTrue(fx(() -> window.view.drag().dragged().isEmpty()), "the drag is over");
    }
}
