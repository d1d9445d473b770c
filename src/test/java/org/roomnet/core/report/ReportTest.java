package org.roomnet.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.organize.Assignment;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.Review;

class ReportTest {

    private static final List<String> CLASSES =
            List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom");

    @TempDir
    Path dir;

    private Report sample() {
        Path folder = dir.toAbsolutePath();
        return Report.fromResults(
                CLASSES,
                folder,
                List.of(
                        PhotoResult.failed(folder.resolve("c.jpg"), "empty file (0 bytes)"),
                        PhotoResult.classified(
                                folder.resolve("b.jpg"), Prediction.of(CLASSES, new float[] {0, 0.6f, 0.4f, 0, 0, 0})),
                        PhotoResult.classified(
                                folder.resolve("a, kitchen.jpg"),
                                Prediction.of(CLASSES, new float[] {0, 0, 0, 0, 0.9f, 0.1f}))));
    }

    /** A reviewed shoot: b.jpg corrected from Bathroom to Bedroom, a confirmed, the rest untouched. */
    private Report reviewed() {
        Path folder = dir.toAbsolutePath();
        List<PhotoReview> photos = List.of(
                PhotoReview.fromPrediction(
                        folder.resolve("b.jpg"),
                        Prediction.of(CLASSES, new float[] {0, 0.6f, 0.4f, 0, 0, 0}),
                        "Bedroom"),
                PhotoReview.fromPrediction(
                        folder.resolve("a.jpg"),
                        Prediction.of(CLASSES, new float[] {0, 0, 0, 0, 0.9f, 0.1f}),
                        "Kitchen"),
                PhotoReview.fromPrediction(
                        folder.resolve("d.jpg"), Prediction.of(CLASSES, new float[] {0.7f, 0, 0, 0.3f, 0, 0}), null),
                PhotoReview.unreadable(folder.resolve("c.jpg"), "empty file (0 bytes)"));
        return Report.of(CLASSES, folder, photos, new ListingChecklist(List.of("Kitchen", "Bathroom", "Backyard")));
    }

    @Test
    void csvHasTheContractColumnsAndQuotesCommas() throws Exception {
        Path csv = dir.resolve("out.csv");
        CsvReport.write(sample(), csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(
                "file,label,confidence,error,needs_review,Backyard,Bathroom,Bedroom,Frontyard,Kitchen,LivingRoom,source,note",
                lines.get(0));
        assertEquals(
                "\"a, kitchen.jpg\",Kitchen,0.900000,,false,0.000000,0.000000,0.000000,0.000000,0.900000,0.100000,model,",
                lines.get(1));
        assertEquals("c.jpg,,,empty file (0 bytes),false,,,,,,,,", lines.get(3));
        assertEquals(4, lines.size());
    }

    @Test
    void xlsxRowsAreSortedWithTheFinalLabelBesideTheModelsLabelAndConfidence() throws Exception {
        Path xlsx = dir.resolve("out.xlsx");
        XlsxReport.write(reviewed(), xlsx);
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet photos = book.getSheet(XlsxReport.PHOTOS_SHEET);
            assertEquals(0, book.getSheetIndex(photos));
            List<String> header = new ArrayList<>();
            photos.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertEquals(
                    List.of(
                            "file",
                            "folder",
                            "final label",
                            "reviewed",
                            "corrected",
                            "model label",
                            "model confidence",
                            "error",
                            "needs_review",
                            "Backyard",
                            "Bathroom",
                            "Bedroom",
                            "Frontyard",
                            "Kitchen",
                            "LivingRoom",
                            "source",
                            "note"),
                    header);
            List<String> files = new ArrayList<>();
            for (int r = 1; r <= photos.getLastRowNum(); r++) {
                files.add(photos.getRow(r).getCell(0).getStringCellValue());
            }
            assertEquals(List.of("a.jpg", "b.jpg", "c.jpg", "d.jpg"), files, "sorted by file name");

            Row corrected = photos.getRow(2);
            assertEquals("Bedroom", corrected.getCell(2).getStringCellValue());
            assertEquals("yes", corrected.getCell(3).getStringCellValue());
            assertEquals("yes", corrected.getCell(4).getStringCellValue());
            assertEquals("Bathroom", corrected.getCell(5).getStringCellValue());
            assertEquals(
                    0.6, corrected.getCell(6).getNumericCellValue(), 1e-6, "the model's confidence in its own label");
            assertEquals("0.0%", corrected.getCell(6).getCellStyle().getDataFormatString());
            assertEquals(
                    "0.0%",
                    corrected
                            .getCell(XlsxReport.FIXED_COLUMNS.size() + 2)
                            .getCellStyle()
                            .getDataFormatString(),
                    "scores as percentages");
            assertEquals("no", photos.getRow(4).getCell(3).getStringCellValue(), "d.jpg is not reviewed");
            assertEquals("", photos.getRow(3).getCell(3).getStringCellValue(), "an unreadable file is not to review");
            assertEquals("empty file (0 bytes)", photos.getRow(3).getCell(7).getStringCellValue());

            var pane = photos.getPaneInformation();
            assertTrue(
                    pane != null && pane.isFreezePane() && pane.getHorizontalSplitTopRow() == 1, "header row frozen");
            assertTrue(
                    ((org.apache.poi.xssf.usermodel.XSSFSheet) photos)
                            .getCTWorksheet()
                            .isSetAutoFilter(),
                    "filters on");
            assertTrue(photos.getColumnWidth(0) > photos.getColumnWidth(3), "widths set per column");

            List<String> summary = summaryText(book);
            assertTrue(summary.contains("reviewed photos|2|"), summary.toString());
            assertTrue(summary.contains("still to review|1|"), summary.toString());
            assertTrue(summary.contains("Kitchen|\u2713|"), summary.toString());
            assertTrue(summary.contains("Bathroom|missing|"), summary.toString());
            assertTrue(summary.contains("Backyard|\u2713|"), summary.toString());
            assertTrue(summary.stream().noneMatch(t -> t.startsWith("LivingRoom|missing")), "not on this checklist");
        }
    }

    private static List<String> summaryText(XSSFWorkbook book) {
        List<String> text = new ArrayList<>();
        for (Row row : book.getSheet(XlsxReport.SUMMARY_SHEET)) {
            StringBuilder sb = new StringBuilder();
            row.forEach(c -> sb.append(
                            c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                    ? String.valueOf((int) c.getNumericCellValue())
                                    : c.getStringCellValue())
                    .append('|'));
            text.add(sb.toString());
        }
        return text;
    }

    // Issue 9, point 12: names exactly as they are; nothing a spreadsheet would run as a formula.

    @Test
    void fileNamesAreWrittenExactlyAndFormulaLikeCellsAreNeutralised() throws Exception {
        assumeTrue(File.separatorChar == '/', "a backslash is a name character only where it is not the separator");
        Path folder = dir.toAbsolutePath();
        float[] kitchen = {0, 0, 0, 0, 0.9f, 0.1f};
        List<String> names = List.of("back\\slash.jpg", "=cmd|calc.jpg", "+1.jpg", "-2.jpg", "@SUM(A1).jpg");
        List<PhotoResult> results = new ArrayList<>();
        for (String name : names) {
            results.add(PhotoResult.classified(folder.resolve(name), Prediction.of(CLASSES, kitchen)));
        }
        results.add(PhotoResult.failed(folder.resolve("sub").resolve("x.jpg"), "=not a formula"));
        Report report = Report.fromResults(CLASSES, folder, results);

        Path csv = dir.resolve("out.csv");
        CsvReport.write(report, csv);
        List<String> lines = Files.readAllLines(csv); // rows by file name
        for (String start : List.of(
                "back\\slash.jpg,Kitchen,", "'=cmd|calc.jpg,Kitchen,", "'+1.jpg,", "'-2.jpg,", "'@SUM(A1).jpg,")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(start)), start + " in " + lines);
        }
        assertEquals("sub/x.jpg,,,'=not a formula,false,,,,,,,,", lines.get(lines.size() - 1));

        Path xlsx = dir.resolve("out.xlsx");
        XlsxReport.write(report, xlsx);
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet photos = book.getSheet(XlsxReport.PHOTOS_SHEET);
            List<String> written = new ArrayList<>();
            for (int r = 1; r <= names.size(); r++) {
                Cell cell = photos.getRow(r).getCell(0);
                assertEquals(CellType.STRING, cell.getCellType());
                written.add(cell.getStringCellValue());
                assertEquals(
                        !cell.getStringCellValue().equals("back\\slash.jpg"),
                        cell.getCellStyle().getQuotePrefixed(),
                        cell.getStringCellValue() + " marked as text");
            }
            assertEquals(names.stream().sorted().toList(), written, "exactly the names");
            int error = XlsxReport.FIXED_COLUMNS.indexOf("error");
            assertTrue(photos.getRow(names.size() + 1)
                    .getCell(error)
                    .getCellStyle()
                    .getQuotePrefixed());
        }
    }

    // Issue 9, point 8: a damaged photo keeps the model's label and scores; the error says it is damaged.

    @Test
    void aDecodingWarningIsTheNoteInTheCsvAndTheXlsxAndMarksNothingDamaged() throws Exception {
        Path folder = dir.toAbsolutePath();
        Prediction kitchen = Prediction.of(CLASSES, new float[] {0, 0, 0, 0, 0.9f, 0.1f});
        String warning = "colour profile unreadable, assumed sRGB";
        Report report = Report.fromResults(
                CLASSES,
                folder,
                List.of(
                        PhotoResult.classified(folder.resolve("a.jpg"), kitchen).withWarning(warning),
                        PhotoResult.classified(folder.resolve("b.jpg"), kitchen)));
        assertEquals(0, report.damagedCount());
        assertEquals(2, report.intactCountsByLabel().get("Kitchen"));
        Path csv = dir.resolve("out.csv");
        CsvReport.write(report, csv);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(1).startsWith("a.jpg,Kitchen,0.900000,,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",model,\"" + warning + "\""), lines.get(1)); // quoted: it has a comma
        assertTrue(lines.get(2).endsWith(",model,"), lines.get(2));
        Path xlsx = dir.resolve("out.xlsx");
        XlsxReport.write(report, xlsx);
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet photos = book.getSheet(XlsxReport.PHOTOS_SHEET);
            int note = photos.getRow(0).getLastCellNum() - 1;
            assertEquals(XlsxReport.NOTE_COLUMN, photos.getRow(0).getCell(note).getStringCellValue());
            assertEquals(warning, photos.getRow(1).getCell(note).getStringCellValue());
            assertEquals("", photos.getRow(2).getCell(note).getStringCellValue());
        }
    }

    @Test
    void aDamagedPhotoKeepsItsLabelAndScoresWithTheDamageAsItsError() throws Exception {
        Path folder = dir.toAbsolutePath();
        PhotoResult cut = PhotoResult.damaged(
                folder.resolve("cut.jpg"),
                Prediction.of(CLASSES, new float[] {0, 0, 0, 0, 0.9f, 0.1f}),
                "truncated: 38 % of the image data missing");
        Report report = Report.fromResults(CLASSES, folder, List.of(cut));
        Path csv = dir.resolve("out.csv");
        CsvReport.write(report, csv);
        assertEquals(
                "cut.jpg,Kitchen,0.900000,truncated: 38 % of the image data missing,false,0.000000,0.000000,0.000000,"
                        + "0.000000,0.900000,0.100000,model,",
                Files.readAllLines(csv).get(1));
        assertEquals(1, report.damagedCount());
        assertEquals(0, report.unreadableCount());
        Review review = new Review(folder, CLASSES);
        review.add(PhotoReview.of(cut));
        assertEquals(List.of(), review.assignments(false), "left in place");
        assertEquals(List.of(new Assignment(cut.file(), "Kitchen")), review.assignments(true), "--include-damaged");

        PhotoReview reviewed = PhotoReview.of(cut); // the app lists it with the unreadable files, and never sorts it
        assertFalse(reviewed.isReadable());
        assertEquals("damaged, truncated: 38 % of the image data missing", reviewed.error());
        assertTrue(reviewed.isDamaged(), "the model's label is kept for reports");
        assertEquals("truncated: 38 % of the image data missing", reviewed.damage());
        assertEquals(0, report.unreviewedCount(), "a damaged photo cannot be reviewed: it is never sorted");
    }

    // Issue 15: needs_review in both reports is the model's rule, its unknown detector included.

    @Test
    void needsReviewIsTheModelsRuleInTheCsvAndTheXlsx() throws Exception {
        Path folder = dir.toAbsolutePath();
        List<String> nine = org.roomnet.testing.TinyOnnx.NINE;
        float[] sure = {0, 0, 0, 0, 0.95f, 0.05f, 0, 0, 0};
        float[] unsure = {0, 0, 0, 0, 0.5f, 0.3f, 0.2f, 0, 0};
        var rules = new org.roomnet.core.review.ReviewRules(
                0.6f, 0.15f, new org.roomnet.core.classify.UnknownDetector("u", 0.5, "Other", 0.8, ""));
        java.util.function.BiFunction<float[], Double, Prediction> p =
                (scores, unknown) -> Prediction.of(nine, scores, null, java.util.OptionalDouble.of(unknown));
        List<PhotoReview> photos = List.of(
                PhotoReview.fromPrediction(folder.resolve("a-sure.jpg"), p.apply(sure, 0.1), null),
                PhotoReview.fromPrediction(folder.resolve("b-unsure.jpg"), p.apply(unsure, 0.1), null),
                PhotoReview.fromPrediction(folder.resolve("c-unsure-reviewed.jpg"), p.apply(unsure, 0.1), "Kitchen"),
                PhotoReview.fromPrediction(folder.resolve("d-unfamiliar.jpg"), p.apply(sure, 0.6), null),
                PhotoReview.unreadable(folder.resolve("e-unreadable.jpg"), "empty file (0 bytes)"));
        Report report = Report.of(nine, folder, photos, ListingChecklist.DEFAULT, rules);
        Path csv = dir.resolve("out.csv");
        CsvReport.write(report, csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(
                "file,label,confidence,error,needs_review,Backyard,Bathroom,Bedroom,Frontyard,Kitchen,LivingRoom,"
                        + "DiningRoom,FloorPlan,Other,source,note",
                lines.get(0));
        List<String> expected = List.of("false", "true", "false", "true", "false");
        for (int i = 0; i < expected.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            assertEquals(expected.get(i), cells[4], lines.get(i + 1));
            assertEquals(16, cells.length, lines.get(i + 1));
        }
        Path xlsx = dir.resolve("out.xlsx");
        XlsxReport.write(report, xlsx);
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheet(XlsxReport.PHOTOS_SHEET);
            int column = XlsxReport.FIXED_COLUMNS.indexOf("needs_review");
            assertEquals("needs_review", sheet.getRow(0).getCell(column).getStringCellValue());
            assertEquals(
                    "Other",
                    sheet.getRow(0).getCell(XlsxReport.FIXED_COLUMNS.size() + 8).getStringCellValue());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(
                        Boolean.parseBoolean(expected.get(i)),
                        sheet.getRow(i + 1).getCell(column).getBooleanCellValue(),
                        sheet.getRow(i + 1).getCell(0).getStringCellValue());
            }
        }
    }

    // Issue 19, point 3: the XLSX counts as the app does; a report's permissions follow the umask.

    @Test
    void theSummaryCountsADamagedPhotoWithTheUnreadableFilesAsTheAppDoes() throws Exception {
        Path folder = dir.toAbsolutePath();
        float[] bathroom = {0, 0.53f, 0.47f, 0, 0, 0};
        Report report = Report.fromResults(
                CLASSES,
                folder,
                List.of(
                        PhotoResult.classified(folder.resolve("a.jpg"), Prediction.of(CLASSES, bathroom)),
                        PhotoResult.damaged(
                                folder.resolve("cut.jpg"),
                                Prediction.of(CLASSES, bathroom),
                                "truncated: 38 % of the image data missing"),
                        PhotoResult.failed(folder.resolve("notes.txt"), "not an image")));
        Path xlsx = dir.resolve("out.xlsx");
        XlsxReport.write(report, xlsx);
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            List<String> summary = summaryText(book);
            assertTrue(summary.contains("Bathroom|1|"), "the cut photo is in no room: " + summary);
            assertTrue(summary.contains("unreadable files|2|"), "as the app's status bar says: " + summary);
            assertTrue(
                    summary.stream().anyMatch(t -> t.startsWith("of them damaged") && t.endsWith("|1|")),
                    summary.toString());
            assertTrue(summary.contains("total files|3|"), summary.toString());
            Row cut = book.getSheet(XlsxReport.PHOTOS_SHEET).getRow(2);
            assertEquals("cut.jpg", cut.getCell(0).getStringCellValue());
            assertEquals("", cut.getCell(2).getStringCellValue(), "no final label: the app puts it in no room");
            assertEquals("Bathroom", cut.getCell(5).getStringCellValue(), "the model's label is kept");
            assertEquals(
                    "truncated: 38 % of the image data missing", cut.getCell(7).getStringCellValue());
        }
        Review app = new Review(folder, CLASSES);
        app.add(PhotoReview.of(PhotoResult.classified(folder.resolve("a.jpg"), Prediction.of(CLASSES, bathroom))));
        app.add(PhotoReview.of(
                PhotoResult.damaged(folder.resolve("cut.jpg"), Prediction.of(CLASSES, bathroom), "cut")));
        app.add(PhotoReview.of(PhotoResult.failed(folder.resolve("notes.txt"), "not an image")));
        assertEquals(app.unreadableCount(), report.unreadableOrDamagedCount(), "the app's count (ReviewCounts)");
    }

    @Test
    void reportsGetThePermissionsOfANewFileAndAReplacedOneKeepsItsOwn() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path reference = Files.createFile(dir.resolve("any new file")); // as the umask makes it
        Path xlsx = dir.resolve("out.xlsx");
        Path csv = dir.resolve("out.csv");
        XlsxReport.write(sample(), xlsx);
        CsvReport.write(sample(), csv);
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(xlsx));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(csv));

        var readOnlyForAll = java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--");
        Files.setPosixFilePermissions(xlsx, readOnlyForAll);
        XlsxReport.write(reviewed(), xlsx);
        assertEquals(readOnlyForAll, Files.getPosixFilePermissions(xlsx));
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertEquals(5, book.getSheet(XlsxReport.PHOTOS_SHEET).getPhysicalNumberOfRows(), "replaced");
        }
        try (var left = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    left.filter(p -> p.getFileName().toString().startsWith(".roomnet-report-"))
                            .toList());
        }
    }
}
