package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.roomnet.app.main.WindowFixture.cellOf;
import static org.roomnet.app.main.WindowFixture.fx;
import static org.roomnet.app.main.WindowFixture.waitUntil;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.PickResult;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.dialogs.ListingRequest;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.imaging.Thumbnails;
import org.roomnet.core.listing.ListingEntry;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.listing.NamePattern;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.SavedReview;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11 in the window, headless: a cover (C), two rejects (X), one photo dragged to another place of
 * the Listing, Export for Listing, and the folder on disk. The drop is a DragEvent fired at the cell
 * (a headless test cannot start the platform's drag gesture); everything after it is the app's own path.
 */
@ExtendWith(ApplicationExtension.class)
class ListingUiTest {

    @TempDir
    Path temp;

    private WindowFixture window;
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
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

    private List<PhotoItem> listingShown() throws Exception {
        return fx(() -> List.copyOf(vm.photos().listingProperty().get().shown()));
    }

    /** What the drop of the dragged photos on {@code target}'s left half does in the Listing view. */
    private void dropBefore(FxRobot robot, PhotoItem dragged, PhotoItem target) throws Exception {
        Node cell = cellOf(robot, target);
        fx(() -> {
            window.view.drag().pretendDragging(List.of(dragged));
            Bounds b = cell.localToScene(cell.getBoundsInLocal());
            double x = b.getMinX() + 5;
            double y = b.getMinY() + b.getHeight() / 2;
            cell.fireEvent(new DragEvent(
                    cell,
                    cell,
                    DragEvent.DRAG_DROPPED,
                    null,
                    x,
                    y,
                    x,
                    y,
                    TransferMode.MOVE,
                    cell,
                    cell,
                    new PickResult(cell, x, y)));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static BufferedImage small(BufferedImage image) {
        return Thumbnails.fit(image, 48);
    }

    private static double difference(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff))
                        + Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff))
                        + Math.abs((p & 0xff) - (q & 0xff));
            }
        }
        return sum / (3.0 * w * h);
    }

    @Test
    void coverRejectsAndADraggedPhotoGoIntoTheExportedFolder(FxRobot robot) throws Exception {
        window.openShoot(robot);
        robot.clickOn("#group-" + org.roomnet.app.photos.PhotoGroups.LISTING);
        waitUntil(() -> vm.photos().isListing(vm.photos().current())
                && vm.listing().countProperty().get() == 12);
        // capture times are read in the background and may reorder the listing: let them settle first
        waitUntil(() -> vm.listing().isSettled());
        List<PhotoItem> before = listingShown();

        // C on the sixth photo: it becomes the cover and comes first
        PhotoItem cover = before.get(5);
        robot.clickOn(cellOf(robot, cover), MouseButton.PRIMARY);
        press(robot, KeyCode.C);
        waitUntil(() -> vm.photos().listingProperty().get().shown().get(0) == cover);
        assertTrue(window.reviewOf(cover.file()).listing().cover());

        // X on two others (Ctrl+click adds the second): they leave the listing, greyed in their rooms
        PhotoItem rejectA = listingShown().get(2);
        PhotoItem rejectB = listingShown().get(3);
        robot.clickOn(cellOf(robot, rejectA), MouseButton.PRIMARY);
        robot.press(KeyCode.CONTROL)
                .clickOn(cellOf(robot, rejectB), MouseButton.PRIMARY)
                .release(KeyCode.CONTROL);
        press(robot, KeyCode.X);
        waitUntil(() -> vm.listing().countProperty().get() == 10);
        assertFalse(listingShown().contains(rejectA));
        assertTrue(window.reviewOf(rejectB.file()).listing().rejected());
        assertTrue(
                fx(() -> vm.checklist().items().stream()
                                .mapToInt(i -> i.photos())
                                .sum())
                        <= 10,
                "rejected photos leave the checklist's counts");

        // drag the last photo before the second: it takes the second place, the cover stays first
        List<PhotoItem> now = listingShown();
        PhotoItem moved = now.get(now.size() - 1);
        dropBefore(robot, moved, now.get(1));
        waitUntil(() -> listingShown().get(1) == moved);
        assertEquals(cover, listingShown().get(0));
        List<PhotoItem> arranged = listingShown();

        // every step is undoable: undo the move, redo it
        press(robot, KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> listingShown().get(1) != moved);
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        waitUntil(() -> listingShown().equals(arranged));

        // Export for Listing (Ctrl+Shift+E), the web preset into a new folder
        Path out = temp.resolve("upload");
        window.dialogs.listingAnswer = new ListingRequest(out, ListingPreset.WEB, NamePattern.defaultPattern(), false);
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        waitUntil(() -> !vm.busyProperty().get() && Files.isDirectory(out));
        assertTrue(window.dialogs.errors.isEmpty(), window.dialogs.errors.toString());
        assertTrue(
                window.dialogs.lastListingSummary.contains("10 photos in the listing, the cover first"),
                window.dialogs.lastListingSummary);

        List<String> files;
        try (Stream<Path> list = Files.list(out)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(10, files.size(), files.toString());
        List<String> expected = fx(() -> arranged.stream()
                .map(i -> vm.listing().entry(i.file()).orElseThrow())
                .map(ListingEntry::name)
                .toList());
        assertEquals(expected, files, "the folder holds the listing in the arranged order");
        String coverRoom = window.reviewOf(cover.file()).finalLabel().toLowerCase(Locale.ROOT);
        assertEquals("01-" + coverRoom + ".jpg", files.get(0));
        assertTrue(files.get(1)
                .startsWith("02-" + window.reviewOf(moved.file()).finalLabel().toLowerCase(Locale.ROOT)));
        BufferedImage first = ImageIO.read(out.resolve(files.get(0)).toFile());
        assertTrue(
                difference(small(first), small(PhotoDecoder.decodeFull(cover.file()))) < 8,
                "the first file is the cover photo");
        assertTrue(Math.max(first.getWidth(), first.getHeight()) <= 1024);

        // the review beside the shoot keeps the cover, the rejects and the order
        vm.saveNowForTests();
        SavedReview saved = ReviewSidecar.read(window.shoot).orElseThrow();
        List<PhotoReview> reviews = saved.photos().stream().map(s -> s.review()).toList();
        assertEquals(1, reviews.stream().filter(r -> r.listing().cover()).count());
        assertEquals(2, reviews.stream().filter(r -> r.listing().rejected()).count());
        assertTrue(reviews.stream()
                .anyMatch(r -> r.file().equals(moved.file()) && r.listing().rank() == 2));
    }

    @Test
    void anExportFolderWithFilesIsNotWrittenIntoAndANewFolderIsUsedInstead(FxRobot robot) throws Exception {
        window.openShoot(robot);
        Path out = Files.createDirectories(temp.resolve("upload"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        window.dialogs.listingAnswer = new ListingRequest(out, ListingPreset.MLS, NamePattern.defaultPattern(), false);
        window.dialogs.existingFolderAnswer = org.roomnet.app.dialogs.ExistingFolderChoice.NEW_FOLDER;
        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        Path fresh = temp.resolve("upload (2)");
        waitUntil(() -> !vm.busyProperty().get() && Files.isDirectory(fresh));
        try (Stream<Path> list = Files.list(out)) {
            assertEquals(
                    List.of("notes.txt"),
                    list.map(p -> p.getFileName().toString()).toList());
        }
        try (Stream<Path> list = Files.list(fresh)) {
            assertEquals(12, list.count());
        }
    }
}
