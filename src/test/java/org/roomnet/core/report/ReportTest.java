package org.roomnet.core.report;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.shoot.PhotoResult;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
