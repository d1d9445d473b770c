package org.roomnet.core.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV: {@code file,label,confidence,error,needs_review,<one score column per class, in the model's order>},
 * RFC 4180 quoting, UTF-8. A damaged photo has its label and scores and, in {@code error}, the damage;
 * {@code needs_review} is {@code true} or {@code false} (the model's rule, its unknown detector included);
 * last, {@code source}: {@code model}, or {@code memory} when the memory of reviewed photos proposed the label
 * (empty for an unreadable file); then {@code note}: what decoding warns of for a photo it could read
 * ("colour profile unreadable, assumed sRGB"), else empty. Room types the agent added follow the model's in the
 * score columns.
 */
public final class CsvReport {

    private CsvReport() {}

    public static void write(Report report, Path target) throws IOException {
        ReportFiles.writeAtomically(target, tmp -> writeRows(report, tmp));
    }

    /** The same CSV, UTF-8, onto {@code out} (standard output, say), which is flushed and left open. */
    public static void write(Report report, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writeRows(report, writer);
        writer.flush();
        if (out instanceof PrintStream print && print.checkError()) {
            throw new IOException("the output could not be written (closed pipe or full disk)");
        }
    }

    private static void writeRows(Report report, Path tmp) throws IOException {
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            writeRows(report, out);
        }
    }

    private static void writeRows(Report report, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("file", "label", "confidence", "error", "needs_review"));
        header.addAll(report.classNames());
        header.add("source");
        header.add("note");
        out.write(line(header));
        for (ReportRow row : report.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.file());
            cells.add(row.label());
            cells.add(row.isClassified() ? format(row.confidence()) : "");
            cells.add(row.error());
            cells.add(Boolean.toString(row.needsReview()));
            for (int i = 0; i < report.classNames().size(); i++) {
                cells.add(i < row.scores().size() ? format(row.scores().get(i)) : "");
            }
            cells.add(row.isClassified() ? row.source() : "");
            cells.add(row.note());
            out.write(line(cells));
        }
    }

    static String format(float value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(cells.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    /** RFC 4180 quoting, after {@link FormulaGuard} made a formula-like cell plain text. */
    static String quote(String text) {
        String cell = FormulaGuard.forCsv(text);
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
