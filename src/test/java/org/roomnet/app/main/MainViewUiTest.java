package org.roomnet.app.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.app.ScriptedDialogs;
import org.roomnet.app.TestShoots;
import org.roomnet.app.dialogs.UnreviewedChoice;
import org.roomnet.app.photos.PhotoGroup;
import org.roomnet.app.photos.PhotoItem;
import org.roomnet.app.sort.SortRequest;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window, headless (TestFX + Monocle), on a shoot of real pool photos and the real model.
 * Assertions are about mechanics (counts, labels set by the agent, files on disk), never about which
 * room the model picks.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewUiTest {

    @TempDir
    Path temp;

    private WindowFixture window;
    private ScriptedDialogs dialogs;
    private MainViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        window = new WindowFixture(temp, stage);
        dialogs = window.dialogs;
        vm = window.vm;
    }

    @AfterEach
    void tearDown() throws Exception {
        window.close();
    }

    /** The shipped model's label count (six for v1/v2, nine for v3): the app builds one group per label. */
    private static int modelClassCount() throws Exception {
        try (RoomClassifier classifier =
                RoomClassifier.open(org.roomnet.testing.TestPhotos.model(), ProviderPreference.CPU)) {
            return classifier.description().classNames().size();
        }
    }

    private void openShoot(FxRobot robot) throws Exception {
        window.openShoot(robot);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WindowFixture.waitUntil(condition);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WindowFixture.fx(c);
    }

    private void showLargestGroup(FxRobot robot) throws Exception {
        window.showLargestGroup(robot);
    }

    private PhotoItem firstShown() throws Exception {
        return window.firstShown();
    }

    private PhotoGroup otherGroupThan(String label) {
        return window.otherGroupThan(label);
    }

    private PhotoReview reviewOf(Path file) throws Exception {
        return window.reviewOf(file);
    }

    private Node cellOf(FxRobot robot, PhotoItem item) {
        return WindowFixture.cellOf(robot, item);
    }

    // ---- tests -------------------------------------------------------------------------------------

    @Test
    void openingAFolderFillsTheGroupsAndListsTheCorruptFileAsUnreadable(FxRobot robot) throws Exception {
        openShoot(robot);

        int sum = 0;
        for (PhotoGroup g : vm.photos().groups()) {
            Label count = robot.lookup("#count-" + g.label()).queryAs(Label.class);
            assertEquals(Integer.toString(g.count()), count.getText(), g.label());
            sum += g.count();
        }
        assertEquals(TestShoots.photoCount(), sum);
        assertEquals(modelClassCount(), vm.photos().groups().size(), "one group per room type of the model");
        assertFalse(robot.lookup(".photo-cell").queryAll().isEmpty(), "thumbnails on screen");
        assertTrue(robot.lookup(".status-summary")
                .queryAs(Label.class)
                .getText()
                .startsWith(TestShoots.photoCount() + " photos \u00b7 0 of " + TestShoots.photoCount() + " reviewed"));
        assertEquals(
                "CPU", robot.lookup(".status-provider").queryAs(Label.class).getText());
        assertFalse(robot.lookup(".status-model").queryAs(Label.class).getText().isBlank());

        robot.clickOn("#group-Unreadable");
        ListView<?> unreadable = robot.lookup("#unreadable-list").queryAs(ListView.class);
        assertEquals(1, unreadable.getItems().size());
        PhotoItem corrupt = (PhotoItem) unreadable.getItems().get(0);
        assertEquals(TestShoots.CORRUPT, corrupt.fileName());
        assertFalse(corrupt.review().error().isBlank());
    }

    @Test
    void draggingAThumbnailOntoAnotherGroupRelabelsItAndUndoPutsItBack(FxRobot robot) throws Exception {
        openShoot(robot);
        PhotoItem item = firstShown();
        String before = item.review().finalLabel();
        PhotoGroup target = otherGroupThan(before);

        // a real drag gesture: Monocle's headless glass delivers drag-and-drop inside the app
        robot.drag(cellOf(robot, item)).dropTo("#group-" + target.label());
        WaitForAsyncUtils.waitForFxEvents();

        PhotoReview moved = reviewOf(item.file());
        assertEquals(target.label(), moved.finalLabel());
        assertEquals(before, moved.modelLabel(), "the model's label stays recorded");
        assertTrue(moved.isCorrected());
        assertTrue(fx(() -> target.shown().contains(item)));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, reviewOf(item.file()).finalLabel());
        assertFalse(reviewOf(item.file()).isCorrected());
        assertFalse(fx(() -> target.shown().contains(item)));

        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(target.label(), reviewOf(item.file()).finalLabel(), "Ctrl+Y redoes");
    }

    @Test
    void aNumberKeyRelabelsTheSelectionAndMovesToTheNextPhoto(FxRobot robot) throws Exception {
        openShoot(robot);
        showLargestGroup(robot); // at least two of the twelve photos, whatever the model predicts
        PhotoGroup group = vm.photos().current();
        PhotoItem first = firstShown();
        PhotoItem second = fx(() -> group.shown().get(1));
        PhotoGroup target = otherGroupThan(group.label());

        robot.clickOn(cellOf(robot, first));
        robot.type(KeyCode.getKeyCode(Integer.toString(target.key())));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(target.label(), reviewOf(first.file()).finalLabel());
        assertTrue(reviewOf(first.file()).isCorrected());
        assertEquals(List.of(second), fx(() -> vm.photos().selection().items()), "the next photo is selected");

        robot.clickOn("#group-" + target.label());
        Node cell = cellOf(robot, first);
        assertTrue(cell.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("corrected")));
        assertTrue(
                robot.from(cell).lookup(".badge").queryAs(Label.class).getText().contains("Corrected"));

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(group.label(), reviewOf(first.file()).finalLabel());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(target.label(), reviewOf(first.file()).finalLabel(), "Ctrl+Shift+Z redoes");
    }

    @Test
    void spaceOpensThePreviewAndArrowsStepThroughTheGroup(FxRobot robot) throws Exception {
        openShoot(robot);
        showLargestGroup(robot);
        PhotoItem first = firstShown();
        robot.clickOn(cellOf(robot, first));
        robot.type(KeyCode.SPACE);
        waitUntil(() -> vm.preview().isOpen() && !vm.preview().loadingProperty().get());
        assertEquals(first, vm.preview().currentProperty().get());
        assertNotNull(vm.preview().imageProperty().get());
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> vm.preview().positionProperty().get().startsWith("2 / "));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !vm.preview().isOpen());
    }

    @Test
    void exportWritesTheReviewAsXlsx(FxRobot robot) throws Exception {
        openShoot(robot);
        PhotoItem item = firstShown();
        String model = item.review().modelLabel();
        PhotoGroup target = otherGroupThan(model);
        assertTrue(fx(() -> vm.relabel(List.of(item), target.label())));
        Path xlsx = temp.resolve("review.xlsx");
        dialogs.xlsxTarget = xlsx;

        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        waitUntil(() -> Files.exists(xlsx) && !vm.busyProperty().get());

        try (InputStream in = Files.newInputStream(xlsx);
                Workbook book = WorkbookFactory.create(in)) {
            Sheet photos = book.getSheet("Photos");
            Row header = photos.getRow(0);
            Map<String, Integer> col = new HashMap<>();
            header.forEach(c -> col.put(c.getStringCellValue(), c.getColumnIndex()));
            for (String name : List.of(
                    "file", "folder", "final label", "reviewed", "model label", "model confidence", "corrected")) {
                assertTrue(col.containsKey(name), "column " + name);
            }
            assertEquals(TestShoots.photoCount() + 1, photos.getLastRowNum(), "one row per file");
            Map<String, Row> byFile = new HashMap<>();
            List<String> order = new ArrayList<>();
            for (int r = 1; r <= photos.getLastRowNum(); r++) {
                Row row = photos.getRow(r);
                byFile.put(row.getCell(col.get("file")).getStringCellValue(), row);
                order.add(row.getCell(col.get("file")).getStringCellValue());
            }
            assertEquals(
                    order.stream().sorted().toList(), order, "rows by file name, not by when they were classified");
            Row edited = byFile.get(item.fileName());
            assertEquals(target.label(), edited.getCell(col.get("final label")).getStringCellValue());
            assertEquals("yes", edited.getCell(col.get("reviewed")).getStringCellValue());
            assertEquals(model, edited.getCell(col.get("model label")).getStringCellValue());
            assertEquals("yes", edited.getCell(col.get("corrected")).getStringCellValue());
            assertEquals(
                    item.review().confidence(),
                    edited.getCell(col.get("model confidence")).getNumericCellValue(),
                    1e-6,
                    "the model's confidence in its own label");
            assertEquals(
                    "0.0%",
                    edited.getCell(col.get("model confidence")).getCellStyle().getDataFormatString());
            assertTrue(byFile.containsKey(TestShoots.CORRUPT));

            Sheet summary = book.getSheet("Summary");
            int total = 0;
            List<String> missing = new ArrayList<>();
            for (Row row : summary) {
                String first = row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
                boolean count = row.getCell(1) != null
                        && row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC;
                if (vm.photos().group(first).isPresent() && count) {
                    int n = (int) row.getCell(1).getNumericCellValue();
                    assertEquals(vm.photos().group(first).get().count(), n, first);
                    total += n;
                }
                if (!count
                        && row.getCell(1) != null
                        && "missing".equals(row.getCell(1).getStringCellValue())) {
                    missing.add(first);
                }
            }
            assertEquals(TestShoots.photoCount(), total);
            for (PhotoGroup g : vm.photos().groups()) {
                boolean needed = ListingChecklist.DEFAULT.rooms().contains(g.label());
                assertEquals(needed && g.count() == 0, missing.contains(g.label()), g.label());
            }
        }
    }

    @Test
    void sortingCopiesEveryPhotoIntoItsRoomFolderAndUndoRemovesTheCopies(FxRobot robot) throws Exception {
        openShoot(robot);
        PhotoItem item = firstShown();
        PhotoGroup target = otherGroupThan(item.review().modelLabel());
        assertTrue(fx(() -> vm.relabel(List.of(item), target.label())));
        Path dest = temp.resolve("sorted");
        dialogs.sortAnswer = new SortRequest(TransferMode.COPY, dest);

        dialogs.unreviewedAnswer = UnreviewedChoice.GO_ON;
        robot.clickOn("Sort into Folders…");
        waitUntil(() -> !vm.busyProperty().get() && !dialogs.infos.isEmpty());

        assertEquals(TestShoots.photoCount(), dialogs.lastSortPlan.photos());
        assertEquals(1, dialogs.lastSortPlan.unreadable());
        for (PhotoReview p : fx(() -> vm.review().orElseThrow().photos())) {
            Path copy = dest.resolve(p.isReadable() ? p.finalLabel() : "x").resolve(p.fileName());
            assertEquals(p.isReadable(), Files.isRegularFile(copy), p.fileName());
            assertTrue(Files.isRegularFile(p.file()), "the shoot keeps its files: " + p.fileName());
        }
        assertTrue(
                Files.isRegularFile(dest.resolve(target.label()).resolve(item.fileName())),
                "the agent's label decides the folder");
        try (Stream<Path> all = Files.walk(dest)) {
            assertEquals(
                    TestShoots.photoCount(), all.filter(Files::isRegularFile).count());
        }

        robot.clickOn("File").clickOn("Undo Last Sort…");
        waitUntil(() -> !vm.busyProperty().get() && dialogs.infos.size() == 2);
        assertFalse(Files.exists(dest), "undo removes the copies and the folders it made");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aClosedShootIsNotKeptInMemory(FxRobot robot) throws Exception {
        openShoot(robot);
        java.lang.ref.WeakReference<PhotoGroup> old =
                new java.lang.ref.WeakReference<>(vm.photos().current());
        java.lang.ref.WeakReference<PhotoItem> oldItem = new java.lang.ref.WeakReference<>(firstShown());
        openShoot(robot);
        for (int i = 0; i < 20 && (old.get() != null || oldItem.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(old.get() == null && oldItem.get() == null, "the previous shoot's groups and photos were freed");
    }

    @Test
    void reopeningTheFolderRestoresTheReviewWithoutClassifyingAgain(FxRobot robot) throws Exception {
        openShoot(robot);
        PhotoItem item = firstShown();
        PhotoGroup target = otherGroupThan(item.review().modelLabel());
        robot.clickOn(cellOf(robot, item));
        robot.type(KeyCode.getKeyCode(Integer.toString(target.key())));
        WaitForAsyncUtils.waitForFxEvents();
        Map<Path, String> labels = new HashMap<>();
        fx(() -> vm.review().orElseThrow().photos()).forEach(p -> labels.put(p.file(), p.finalLabel()));

        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        waitUntil(() -> Files.isRegularFile(ReviewSidecar.fileIn(window.shoot)));
        assertTrue(Files.isRegularFile(ReviewSidecar.fileIn(window.shoot)), "the review is saved beside the shoot");
        assertTrue(ReviewSidecar.FILE_NAME.startsWith("."));

        openShoot(robot);
        assertEquals(0, vm.lastClassifiedCount(), "nothing classified again");
        assertEquals(TestShoots.photoCount() + 1, vm.lastRestoredCount());
        PhotoReview restored = reviewOf(item.file());
        assertEquals(target.label(), restored.finalLabel());
        assertTrue(restored.isCorrected());
        for (Map.Entry<Path, String> e : labels.entrySet()) {
            assertEquals(e.getValue(), reviewOf(e.getKey()).finalLabel());
        }
        assertTrue(fx(() -> vm.photos().group(target.label()).orElseThrow().count() > 0));
    }
}
