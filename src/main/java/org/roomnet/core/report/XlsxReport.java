package org.roomnet.core.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.roomnet.core.listing.ListingEntry;
import org.roomnet.core.review.ListingChecklist;

/**
 * XLSX for the listing: sheet "Photos" with one row per file (sorted by file; the final label beside
 * the model's label and confidence; {@code needs_review} TRUE/FALSE; one score per class of the model, as
 * percentages; then {@code source}, model or memory, and {@code note}, a decoding warning such as "colour profile
 * unreadable, assumed sRGB"; header frozen, filters on), sheet
 * "Summary" with the count per room type, how many photos are still to review, and the listing
 * checklist (rejected photos not counted), and sheet "Listing": the listing in order (position, new
 * name, original file, room, cover), then the rejected photos.
 */
public final class XlsxReport {

    public static final String PHOTOS_SHEET = "Photos";
    public static final String SUMMARY_SHEET = "Summary";
    public static final String LISTING_SHEET = "Listing";
    public static final List<String> LISTING_COLUMNS =
            List.of("position", "new name", "original file", "room", "cover", "rejected");
    public static final List<String> FIXED_COLUMNS = List.of(
            "file",
            "folder",
            "final label",
            "reviewed",
            "corrected",
            "model label",
            "model confidence",
            "error",
            "needs_review");
    /** After the score columns: who proposed the label, {@code model} or {@code memory} (as in the CSV). */
    public static final String SOURCE_COLUMN = "source";
    /** Last: what decoding warns of for a photo it could read, as in the CSV. */
    public static final String NOTE_COLUMN = "note";
    /** Column widths in characters, for the fixed columns; each score column gets {@link #SCORE_WIDTH}. */
    private static final int[] WIDTHS = {36, 30, 14, 10, 10, 14, 18, 36, 14};

    private static final int SCORE_WIDTH = 12;
    private static final int NOTE_WIDTH = 36;

    private XlsxReport() {}

    public static void write(Report report, Path target) throws IOException {
        ReportFiles.writeAtomically(target, tmp -> writeBook(report, tmp));
    }

    private static void writeBook(Report report, Path tmp) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(tmp)) {
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
            header.add(SOURCE_COLUMN);
            int sourceColumn = header.size() - 1;
            header.add(NOTE_COLUMN);
            writeRow(photos.createRow(0), header, bold);
            int r = 1;
            for (ReportRow row : report.rows()) {
                Row x = photos.createRow(r++);
                text(x, 0, row.file(), asText);
                text(x, 1, row.folder(), asText);
                // a damaged photo is in no room, as in the app: only the model's label, beside its damage
                text(x, 2, row.isDamaged() ? "" : row.label(), asText);
                boolean reviewable = row.isClassified() && !row.isDamaged();
                x.createCell(3).setCellValue(reviewable ? yesNo(row.reviewed()) : "");
                x.createCell(4).setCellValue(reviewable ? yesNo(row.corrected()) : "");
                text(x, 5, row.modelLabel(), asText);
                if (row.isClassified()) {
                    x.createCell(6).setCellValue(row.confidence());
                    x.getCell(6).setCellStyle(percent);
                }
                text(x, 7, row.error(), asText);
                x.createCell(8).setCellValue(row.needsReview()); // TRUE/FALSE, as in the CSV: the model's rule
                for (int i = 0; i < row.scores().size(); i++) {
                    x.createCell(FIXED_COLUMNS.size() + i)
                            .setCellValue(row.scores().get(i));
                    x.getCell(FIXED_COLUMNS.size() + i).setCellStyle(percent);
                }
                text(x, sourceColumn, row.isClassified() ? row.source() : "", asText);
                text(x, sourceColumn + 1, row.note(), asText);
            }
            photos.createFreezePane(0, 1);
            photos.setAutoFilter(
                    new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(0, r - 1), 0, header.size() - 1));
            for (int i = 0; i < header.size(); i++) {
                photos.setColumnWidth(
                        i, (i < WIDTHS.length ? WIDTHS[i] : i == sourceColumn + 1 ? NOTE_WIDTH : SCORE_WIDTH) * 256);
            }

            Sheet summary = book.createSheet(SUMMARY_SHEET);
            writeRow(summary.createRow(0), List.of("room type", "photos"), bold);
            int s = 1;
            // counted as the app counts them: a damaged photo is in no room but with the unreadable files
            for (Map.Entry<String, Integer> e : report.intactCountsByLabel().entrySet()) {
                countRow(summary, s++, e.getKey(), e.getValue());
            }
            countRow(summary, s++, "unreadable files", report.unreadableOrDamagedCount());
            countRow(summary, s++, "of them damaged (model label in Photos, not sorted)", report.damagedCount());
            countRow(summary, s++, "total files", report.rows().size());
            s++;
            countRow(summary, s++, "reviewed photos", report.reviewedCount());
            countRow(summary, s++, "still to review", report.unreviewedCount());
            s++;
            writeRow(summary.createRow(s++), List.of("listing checklist", "photo"), bold);
            for (ListingChecklist.Item item : report.checklist().check(report.listableCountsByLabel())) {
                Row x = summary.createRow(s++);
                x.createCell(0).setCellValue(item.room());
                x.createCell(1).setCellValue(item.present() ? "\u2713" : "missing");
            }
            summary.setColumnWidth(0, 38 * 256);
            summary.setColumnWidth(1, 10 * 256);
            if (report.listing() != null) {
                writeListing(book.createSheet(LISTING_SHEET), report, bold, asText);
            }
            book.write(out);
        }
    }

    private static void writeListing(Sheet sheet, Report report, CellStyle bold, CellStyle asText) {
        writeRow(sheet.createRow(0), LISTING_COLUMNS, bold);
        int r = 1;
        List<ListingEntry> rows = new ArrayList<>(report.listing().entries());
        rows.addAll(report.listing().cut());
        rows.addAll(report.listing().rejected());
        for (ListingEntry e : rows) {
            Row x = sheet.createRow(r++);
            if (e.position() > 0) {
                x.createCell(0).setCellValue(e.position());
            }
            text(x, 1, e.name(), asText);
            text(
                    x,
                    2,
                    Report.relative(
                            Path.of(
                                    report.rows().isEmpty()
                                            ? ""
                                            : report.rows().get(0).folder()),
                            e.source()),
                    asText);
            text(x, 3, e.room(), asText);
            x.createCell(4).setCellValue(yesNo(e.cover()));
            x.createCell(5).setCellValue(yesNo(e.position() == 0));
        }
        sheet.createFreezePane(0, 1);
        int[] widths = {10, 28, 36, 14, 8, 10};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
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

    private static void countRow(Sheet sheet, int row, String label, long count) {
        Row x = sheet.createRow(row);
        x.createCell(0).setCellValue(label);
        x.createCell(1).setCellValue(count);
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
