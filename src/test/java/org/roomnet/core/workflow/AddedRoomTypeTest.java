package org.roomnet.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.ClassifyOptions;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.listing.ListingEntry;
import org.roomnet.core.listing.ListingOrder;
import org.roomnet.core.listing.ListingPlan;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.listing.NamePattern;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeProgress;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.report.XlsxReport;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.SavedReview;
import org.roomnet.testing.TestPhotos;

/**
 * Issue 16: a room type the agent adds while reviewing (the app's "New Room Type…") is saved with the review,
 * restored with it (empty or not), and sorted, reported, checked and exported like the model's rooms.
 */
class AddedRoomTypeTest {

    private static RoomClassifier classifier;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() throws Exception {
        classifier = RoomClassifier.open(TestPhotos.modelV2(), ProviderPreference.CPU);
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    /** The shoot classified by the model, two photos moved into a new "Garage", an empty "Pool" added, saved. */
    private List<Path> reviewedWithGarage(Path folder) throws Exception {
        List<Path> photos = TestPhotos.smallShoot(folder);
        try (Shoot shoot = Shoot.open(ShootSource.folder(folder, false), Optional.of(classifier))) {
            shoot.keepSaved(0, e -> {
                throw new AssertionError(e);
            });
            shoot.addResults(shoot.classifyRest(ClassifyOptions.defaults(), (r, done, total) -> {}));
            assertTrue(shoot.review().addRoomType("Garage"));
            assertTrue(shoot.review().relabel(photos.subList(0, 2), "Garage"));
            assertTrue(shoot.review().addRoomType("Pool"));
            shoot.saveNow();
        }
        return photos;
    }

    @Test
    void anAddedRoomTypeIsSavedAndRestoredWithItsLabelsAndAnEmptyOneSurvives() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("shoot"));
        List<Path> photos = reviewedWithGarage(folder);
        List<String> expected = new ArrayList<>(classifier.description().classNames());
        expected.addAll(List.of("Garage", "Pool"));

        SavedReview saved = ReviewSidecar.read(folder).orElseThrow();
        assertEquals(expected, saved.classNames());
        assertTrue(
                saved.photos().stream().allMatch(p -> p.review().scores().size() == expected.size()),
                "scores padded for the added types, else the lines are damaged when read");

        for (Optional<RoomClassifier> model : List.of(Optional.of(classifier), Optional.<RoomClassifier>empty())) {
            try (Shoot reopened = Shoot.open(ShootSource.folder(folder, false), model)) {
                assertTrue(reopened.problem().isEmpty(), reopened.problem());
                assertEquals(expected, reopened.review().classNames());
                assertEquals(photos.size(), reopened.restoredCount(), "restored, not classified again");
                assertEquals("Garage", labelOf(reopened, photos.get(0)));
                assertEquals("Garage", labelOf(reopened, photos.get(1)));
                assertEquals(0, reopened.review().countsByLabel().get("Pool"));
            }
        }
    }

    @Test
    void organizeTheXlsxTheChecklistAndTheListingTakeTheAddedType() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("shoot"));
        List<Path> photos = reviewedWithGarage(folder);
        try (Shoot shoot = Shoot.open(ShootSource.folder(folder, false), Optional.of(classifier))) {
            ListingChecklist checklist = new ListingChecklist(List.of("Kitchen", "Garage", "Pool"));
            List<ListingChecklist.Item> items = checklist.check(shoot.review().listableCountsByLabel());
            assertEquals(new ListingChecklist.Item("Garage", 2), items.get(1));
            assertEquals(List.of("Pool"), checklist.missing(shoot.review().listableCountsByLabel()));

            ListingPlan plan = shoot.listingPlan(ListingOrder.DEFAULT, ListingPreset.WEB, NamePattern.defaultPattern());
            List<ListingEntry> garage = plan.entries().stream()
                    .filter(e -> e.room().equals("Garage"))
                    .toList();
            assertEquals(2, garage.size());
            assertTrue(garage.get(0).name().contains("garage"), garage.get(0).name());
            int lastModelRoom = plan.entries().stream()
                    .filter(e -> !e.room().equals("Garage"))
                    .mapToInt(ListingEntry::position)
                    .max()
                    .orElse(0);
            assertTrue(
                    garage.get(0).position() > lastModelRoom,
                    "an added type not in the order follows the model's rooms");

            Path xlsx = tmp.resolve("review.xlsx");
            XlsxReport.write(shoot.report(checklist, ListingOrder.DEFAULT), xlsx);
            try (InputStream in = Files.newInputStream(xlsx);
                    XSSFWorkbook book = new XSSFWorkbook(in)) {
                Row header = book.getSheet(XlsxReport.PHOTOS_SHEET).getRow(0);
                List<String> columns = new ArrayList<>();
                header.forEach(c -> columns.add(c.getStringCellValue()));
                assertTrue(columns.contains("Garage") && columns.contains("Pool"), columns.toString());
                long garageRows = 0;
                for (Row row : book.getSheet(XlsxReport.PHOTOS_SHEET)) {
                    if (row.getRowNum() > 0
                            && "Garage"
                                    .equals(row.getCell(columns.indexOf("final label"))
                                            .getStringCellValue())) {
                        garageRows++;
                    }
                }
                assertEquals(2, garageRows);
            }

            Path sorted = tmp.resolve("sorted");
            shoot.sortJob(TransferMode.COPY, sorted)
                    .run(new JournalStore(tmp.resolve("journals")), OrganizeProgress.NONE);
            assertTrue(Files.isRegularFile(
                    sorted.resolve("Garage").resolve(photos.get(0).getFileName())));
            assertTrue(Files.isRegularFile(
                    sorted.resolve("Garage").resolve(photos.get(1).getFileName())));
            assertFalse(Files.exists(sorted.resolve("Pool")), "an empty room makes no folder");
        }
    }

    @Test
    void aNameThatCannotBeAFolderOrIsTakenIgnoringCaseIsRefused() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("shoot"));
        TestPhotos.smallShoot(folder);
        try (Shoot shoot = Shoot.open(ShootSource.folder(folder, false), Optional.of(classifier))) {
            String kitchen = assertThrows(
                            IllegalArgumentException.class, () -> shoot.review().addRoomType("kitchen"))
                    .getMessage();
            assertTrue(kitchen.contains("Kitchen"), kitchen);
            String slash = assertThrows(
                            IllegalArgumentException.class, () -> shoot.review().addRoomType("Garage/Pool"))
                    .getMessage();
            assertTrue(slash.contains("path separator"), slash);
            assertThrows(IllegalArgumentException.class, () -> shoot.review().addRoomType("CON"));
            assertTrue(shoot.review().addRoomType("Garage"));
            assertThrows(IllegalArgumentException.class, () -> shoot.review().addRoomType("GARAGE"));
            assertEquals(
                    classifier.description().classCount() + 1,
                    shoot.review().classNames().size());
        }
    }

    private static String labelOf(Shoot s, Path file) {
        return s.review().get(file).map(PhotoReview::finalLabel).orElseThrow();
    }
}
