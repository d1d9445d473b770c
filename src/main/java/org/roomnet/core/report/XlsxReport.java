package org.roomnet.core.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.roomnet.core.review.ListingChecklist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * XLSX for the listing: sheet "Photos" with one row per file (sorted by file; the final label beside
 * the model's label and confidence; scores as percentages; header frozen, filters on), sheet
 * "Summary" with the count per room type, how many photos are still to review, and the listing
 * checklist.
 */
public final class XlsxReport {

    public static final String PHOTOS_SHEET = "Photos";
    public static final String SUMMARY_SHEET = "Summary";
    public static final List<String> FIXED_COLUMNS = List.of("file", "folder", "final label", "reviewed", "corrected",
            "model label", "model confidence", "error");
    /** Column widths in characters, for the fixed columns; each score column gets {@link #SCORE_WIDTH}. */
    private static final int[] WIDTHS = {36, 30, 14, 10, 10, 14, 18, 36};
    private static final int SCORE_WIDTH = 12;

    private XlsxReport() {
    }

    public static void write(Report report, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(tmp)) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));

            Sheet photos = book.createSheet(PHOTOS_SHEET);
            List<String> header = new ArrayList<>(FIXED_COLUMNS);
            header.addAll(report.classNames());
            writeRow(photos.createRow(0), header, bold);
            int r = 1;
            for (ReportRow row : report.rows()) {
                Row x = photos.createRow(r++);
                x.createCell(0).setCellValue(row.file());
                x.createCell(1).setCellValue(row.folder());
                x.createCell(2).setCellValue(row.label());
                x.createCell(3).setCellValue(row.isClassified() ? yesNo(row.reviewed()) : "");
                x.createCell(4).setCellValue(row.isClassified() ? yesNo(row.corrected()) : "");
                x.createCell(5).setCellValue(row.modelLabel());
                if (row.isClassified()) {
                    x.createCell(6).setCellValue(row.confidence());
                    x.getCell(6).setCellStyle(percent);
                }
                x.createCell(7).setCellValue(row.error());
                for (int i = 0; i < row.scores().size(); i++) {
                    x.createCell(FIXED_COLUMNS.size() + i).setCellValue(row.scores().get(i));
                    x.getCell(FIXED_COLUMNS.size() + i).setCellStyle(percent);
                }
            }
            photos.createFreezePane(0, 1);
            photos.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0, header.size() - 1));
            for (int i = 0; i < header.size(); i++) {
                photos.setColumnWidth(i, (i < WIDTHS.length ? WIDTHS[i] : SCORE_WIDTH) * 256);
            }

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
            Row total = summary.createRow(s++);
            total.createCell(0).setCellValue("total files");
            total.createCell(1).setCellValue(report.rows().size());
            s++;
            Row reviewed = summary.createRow(s++);
            reviewed.createCell(0).setCellValue("reviewed photos");
            reviewed.createCell(1).setCellValue(report.rows().size() - report.unreadableCount() - report.unreviewedCount());
            Row toReview = summary.createRow(s++);
            toReview.createCell(0).setCellValue("still to review");
            toReview.createCell(1).setCellValue(report.unreviewedCount());
            s++;
            writeRow(summary.createRow(s++), List.of("listing checklist", "photo"), bold);
            for (ListingChecklist.Item item : report.checklist().check(report.countsByLabel())) {
                Row x = summary.createRow(s++);
                x.createCell(0).setCellValue(item.room());
                x.createCell(1).setCellValue(item.present() ? "\u2713" : "missing");
            }
            summary.setColumnWidth(0, 24 * 256);
            summary.setColumnWidth(1, 10 * 256);
            book.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static void writeRow(Row row, List<String> cells, CellStyle style) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
            row.getCell(i).setCellStyle(style);
        }
    }
}
