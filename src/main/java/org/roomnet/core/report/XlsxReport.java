package org.roomnet.core.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * XLSX for the listing: sheet "Photos" with one row per file, sheet "Summary" with the count per
 * room type and a warning for each listing-essential room without a photo.
 */
public final class XlsxReport {

    public static final String PHOTOS_SHEET = "Photos";
    public static final String SUMMARY_SHEET = "Summary";
    public static final List<String> FIXED_COLUMNS =
            List.of("file", "folder", "label", "model label", "confidence", "corrected", "error");

    private XlsxReport() {
    }

    public static void write(Report report, Path target) throws IOException {
        ReportFiles.writeAtomically(target, tmp -> writeBook(report, tmp));
    }

    private static void writeBook(Report report, Path tmp) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(tmp)) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle asText = book.createCellStyle();
            asText.setQuotePrefixed(true);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));

            Sheet photos = book.createSheet(PHOTOS_SHEET);
            List<String> header = new ArrayList<>(FIXED_COLUMNS);
            header.addAll(report.classNames());
            writeRow(photos.createRow(0), header, bold);
            int r = 1;
            for (ReportRow row : report.rows()) {
                Row x = photos.createRow(r++);
                text(x, 0, row.file(), asText);
                text(x, 1, row.folder(), asText);
                text(x, 2, row.label(), asText);
                text(x, 3, row.modelLabel(), asText);
                if (row.isClassified()) {
                    x.createCell(4).setCellValue(row.confidence());
                    x.getCell(4).setCellStyle(percent);
                }
                x.createCell(5).setCellValue(row.isClassified() ? (row.corrected() ? "yes" : "no") : "");
                text(x, 6, row.error(), asText);
                for (int i = 0; i < row.scores().size(); i++) {
                    x.createCell(FIXED_COLUMNS.size() + i).setCellValue(row.scores().get(i));
                }
            }
            photos.createFreezePane(0, 1);
            photos.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0, header.size() - 1));
            photos.setColumnWidth(0, 40 * 256);
            photos.setColumnWidth(1, 30 * 256);

            Sheet summary = book.createSheet(SUMMARY_SHEET);
            writeRow(summary.createRow(0), List.of("room type", "photos"), bold);
            int s = 1;
            for (Map.Entry<String, Integer> e : report.countsByLabel().entrySet()) {
                Row x = summary.createRow(s++);
                x.createCell(0).setCellValue(e.getKey());
                x.createCell(1).setCellValue(e.getValue());
            }
            Row unreadable = summary.createRow(s++);
            unreadable.createCell(0).setCellValue("unreadable files");
            unreadable.createCell(1).setCellValue(report.unreadableCount());
            Row damaged = summary.createRow(s++);
            damaged.createCell(0).setCellValue("damaged photos (labelled, not sorted)");
            damaged.createCell(1).setCellValue(report.damagedCount());
            Row total = summary.createRow(s++);
            total.createCell(0).setCellValue("total files");
            total.createCell(1).setCellValue(report.rows().size());
            s++;
            for (String room : report.missingEssentialRooms()) {
                summary.createRow(s++).createCell(0).setCellValue("Warning: no " + room + " photo in this shoot");
            }
            summary.setColumnWidth(0, 45 * 256);
            book.write(out);
        }
    }

    /** A text cell; one a spreadsheet would take for a formula keeps its text, marked as text ({@link FormulaGuard}). */
    private static void text(Row row, int column, String value, CellStyle asText) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (FormulaGuard.looksLikeFormula(value)) {
            cell.setCellStyle(asText);
        }
    }

    private static void writeRow(Row row, List<String> cells, CellStyle style) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
            row.getCell(i).setCellStyle(style);
        }
    }
}
