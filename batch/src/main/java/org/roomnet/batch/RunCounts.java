package org.roomnet.batch;

import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.roomnet.core.report.ReportRow;

/**
 * What a run did, counted from the dataset it wrote (so a retried task is never counted twice): files, photos
 * classified (damaged ones among them, as classify reports them), those needing review, and errors.
 */
record RunCounts(long total, long classified, long damaged, long needsReview, long errors) {

    static RunCounts of(Dataset<Row> photos) {
        Row r = photos.agg(
                        functions.count(functions.lit(1)),
                        functions.count(functions.col(PhotoRows.LABEL)),
                        functions.sum(functions
                                .when(
                                        functions
                                                .col(PhotoRows.LABEL)
                                                .isNotNull()
                                                .and(functions
                                                        .col(PhotoRows.ERROR)
                                                        .isNotNull()),
                                        1)
                                .otherwise(0)),
                        functions.sum(functions
                                .when(functions.col(PhotoRows.NEEDS_REVIEW), 1)
                                .otherwise(0)))
                .first();
        long total = r.getLong(0);
        long classified = r.getLong(1);
        return new RunCounts(
                total,
                classified,
                r.isNullAt(2) ? 0 : r.getLong(2),
                r.isNullAt(3) ? 0 : r.getLong(3),
                total - classified);
    }

    /** The counts of report rows (labels.csv's), as {@link #of(Dataset)} counts the dataset. */
    static RunCounts of(List<ReportRow> rows) {
        long classified = rows.stream().filter(ReportRow::isClassified).count();
        return new RunCounts(
                rows.size(),
                classified,
                rows.stream().filter(ReportRow::isDamaged).count(),
                rows.stream().filter(ReportRow::needsReview).count(),
                rows.size() - classified);
    }

    /**
     * The counts and the rates: {@code ownSeconds} from the first task's start to the dataset written (the job's
     * own photos/s), {@code stageSeconds} with Spark's planning of the job before it.
     */
    void print(
            PrintStream err, double ownSeconds, double stageSeconds, int cores, double runSeconds, double jvmSeconds) {
        err.printf(
                "done: %d files: %d classified (%d damaged, %d need review), %d errors%n",
                total, classified, damaged, needsReview, errors);
        double rate = total / Math.max(1e-9, ownSeconds);
        err.printf(
                "classified in %.1f s: %.1f photos/s (%.1f per core, %d cores), from the first task to the dataset"
                        + " written; %.1f s with Spark's planning of the job%n",
                ownSeconds, rate, rate / Math.max(1, cores), cores, stageSeconds);
        err.printf("run %.1f s; %.1f s since the JVM started (Spark's start-up included)%n", runSeconds, jvmSeconds);
    }
}
