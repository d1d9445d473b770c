package org.roomnet.core.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.shoot.PhotoResult;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ReportTest {

    private static final List<String> CLASSES = List.of("Backyard", "Bathroom", "Bedroom", "Frontyard", "Kitchen", "LivingRoom");

    @TempDir
    Path dir;

    private Report sample() {
        Path folder = dir.toAbsolutePath();
        return Report.fromResults(CLASSES, folder, List.of(
                PhotoResult.classified(folder.resolve("a, kitchen.jpg"), Prediction.of(CLASSES, new float[]{0, 0, 0, 0, 0.9f, 0.1f})),
                PhotoResult.classified(folder.resolve("b.jpg"), Prediction.of(CLASSES, new float[]{0, 0.6f, 0.4f, 0, 0, 0})),
                PhotoResult.failed(folder.resolve("c.jpg"), "empty file (0 bytes)")));
    }

    @Test
    void csvHasTheContractColumnsAndQuotesCommas() throws Exception {
        Path csv = dir.resolve("out.csv");
        CsvReport.write(sample(), csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("file,label,confidence,error,Backyard,Bathroom,Bedroom,Frontyard,Kitchen,LivingRoom", lines.get(0));
        assertEquals("\"a, kitchen.jpg\",Kitchen,0.900000,,0.000000,0.000000,0.000000,0.000000,0.900000,0.100000", lines.get(1));
        assertEquals("c.jpg,,,empty file (0 bytes),,,,,,", lines.get(3));
        assertEquals(4, lines.size());
    }

    @Test
    void xlsxHasPhotosAndASummaryWithWarningsForMissingRooms() throws Exception {
        Path xlsx = dir.resolve("out.xlsx");
        XlsxReport.write(sample(), xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet photos = book.getSheet(XlsxReport.PHOTOS_SHEET);
            assertEquals(0, book.getSheetIndex(photos));
            assertEquals("file", photos.getRow(0).getCell(0).getStringCellValue());
            assertEquals("a, kitchen.jpg", photos.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Kitchen", photos.getRow(1).getCell(2).getStringCellValue());
            assertEquals(0.9, photos.getRow(1).getCell(4).getNumericCellValue(), 1e-6);
            assertEquals("no", photos.getRow(1).getCell(5).getStringCellValue());
            assertEquals("empty file (0 bytes)", photos.getRow(3).getCell(6).getStringCellValue());
            assertEquals(3, photos.getLastRowNum());

            Sheet summary = book.getSheet(XlsxReport.SUMMARY_SHEET);
            List<String> text = new ArrayList<>();
            for (Row row : summary) {
                StringBuilder sb = new StringBuilder();
                row.forEach(c -> sb.append(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? String.valueOf((int) c.getNumericCellValue()) : c.getStringCellValue()).append('|'));
                text.add(sb.toString());
            }
            assertTrue(text.contains("Kitchen|1|"), text.toString());
            assertTrue(text.contains("Bathroom|1|"), text.toString());
            assertTrue(text.contains("unreadable files|1|"), text.toString());
            for (String missing : List.of("Frontyard", "LivingRoom", "Backyard")) {
                assertTrue(text.contains("Warning: no " + missing + " photo in this shoot|"), text.toString());
            }
            assertTrue(text.stream().noneMatch(t -> t.contains("no Kitchen")), text.toString());
        }
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
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(1).startsWith("back\\slash.jpg,Kitchen,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("'=cmd|calc.jpg,Kitchen,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("'+1.jpg,"), lines.get(3));
        assertTrue(lines.get(4).startsWith("'-2.jpg,"), lines.get(4));
        assertTrue(lines.get(5).startsWith("'@SUM(A1).jpg,"), lines.get(5));
        assertEquals("sub/x.jpg,,,'=not a formula,,,,,,", lines.get(6));

        Path xlsx = dir.resolve("out.xlsx");
        XlsxReport.write(report, xlsx);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet photos = book.getSheet(XlsxReport.PHOTOS_SHEET);
            for (int i = 0; i < names.size(); i++) {
                Cell cell = photos.getRow(i + 1).getCell(0);
                assertEquals(CellType.STRING, cell.getCellType());
                assertEquals(names.get(i), cell.getStringCellValue(), "exactly the name");
                assertEquals(i > 0, cell.getCellStyle().getQuotePrefixed(), names.get(i) + " marked as text");
            }
            assertTrue(photos.getRow(6).getCell(6).getCellStyle().getQuotePrefixed());
        }
    }

    // Issue 9, point 8: a damaged photo keeps the model's label and scores; the error says it is damaged.

    @Test
    void aDamagedPhotoKeepsItsLabelAndScoresWithTheDamageAsItsError() throws Exception {
        Path folder = dir.toAbsolutePath();
        PhotoResult cut = PhotoResult.damaged(folder.resolve("cut.jpg"), Prediction.of(CLASSES, new float[]{0, 0, 0, 0, 0.9f, 0.1f}),
                "truncated: 38 % of the image data missing");
        Report report = Report.fromResults(CLASSES, folder, List.of(cut));
        Path csv = dir.resolve("out.csv");
        CsvReport.write(report, csv);
        assertEquals("cut.jpg,Kitchen,0.900000,truncated: 38 % of the image data missing,0.000000,0.000000,0.000000,"
                + "0.000000,0.900000,0.100000", Files.readAllLines(csv).get(1));
        assertEquals(1, report.damagedCount());
        assertEquals(0, report.unreadableCount());
        assertFalse(cut.isOrganizable(false));
        assertTrue(cut.isOrganizable(true));

        PhotoReview reviewed = PhotoReview.of(cut); // the app lists it with the unreadable files, and never sorts it
        assertFalse(reviewed.isReadable());
        assertEquals("damaged, truncated: 38 % of the image data missing", reviewed.error());
    }
}
