package org.roomnet.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.roomnet.core.report.CsvReport;
import org.roomnet.core.report.Report;
import org.roomnet.core.report.ReportRow;
import org.roomnet.core.review.ListingChecklist;

/**
 * One {@code labels.csv} for a whole run, written by the app's own {@link CsvReport} (so its columns, quoting and
 * number format are {@code classify --csv}'s), the files named relative to the input folder. Only for runs small
 * enough to gather on the driver: the Parquet dataset is the output that scales.
 */
final class MergedCsv {

    private MergedCsv() {}

    /** Writes the CSV of the dataset {@code photos}; its counts come from the same rows (one pass over the dataset). */
    static RunCounts write(Dataset<Row> photos, List<String> classNames, String base, OutputFolder out)
            throws IOException {
        List<Column> columns = new ArrayList<>(List.of(
                functions.col(PhotoRows.LABEL),
                functions.col(PhotoRows.CONFIDENCE),
                functions.col(PhotoRows.ERROR),
                functions.col(PhotoRows.NEEDS_REVIEW)));
        PhotoRows.classColumns(classNames).forEach(c -> columns.add(functions.col(c)));
        columns.add(functions.col(PhotoRows.SOURCE));
        columns.add(functions.col(PhotoRows.NOTE));
        columns.add(functions.col(PhotoRows.PATH));
        int pathIndex = columns.size() - 1;
        List<ReportRow> rows = new ArrayList<>();
        for (Row row : photos.select(columns.toArray(Column[]::new)).collectAsList()) {
            rows.add(PhotoRows.toReportRow(row, relative(base, row.getString(pathIndex)), base, classNames.size()));
        }
        rows.sort(Comparator.comparing(ReportRow::file));
        Report report = new Report(classNames, rows, ListingChecklist.DEFAULT);
        RunCounts counts = RunCounts.of(rows);
        Path target = out.csv();
        if ("file".equals(target.toUri().getScheme())) {
            CsvReport.write(report, java.nio.file.Path.of(target.toUri().getPath()));
            return counts;
        }
        java.nio.file.Path local = Files.createTempFile("roomnet-labels", ".csv");
        try {
            CsvReport.write(report, local);
            out.fileSystem().copyFromLocalFile(false, true, new Path(local.toUri()), target);
            return counts;
        } finally {
            Files.deleteIfExists(local);
        }
    }

    /** {@code path} relative to {@code base}, as classify names a shoot's files; the full path when outside it. */
    static String relative(String base, String path) {
        String prefix = base.endsWith("/") ? base : base + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }
}
