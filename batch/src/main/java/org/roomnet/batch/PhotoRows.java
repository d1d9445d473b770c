package org.roomnet.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.roomnet.core.report.ReportRow;

/**
 * The job's Parquet rows: {@code path, label, confidence, needs_review, <one score column per class, in the model's
 * order, then the room types the memory added>, embedding, error, source, note}: {@code source} is {@code model} or
 * {@code memory} (the memory of reviewed photos changed the label), {@code note} a warning such as an unreadable
 * colour profile. The values are a {@link ReportRow}'s, the one place classify's CSV rows are made too:
 * an unreadable file has no label, scores or embedding and says why in {@code error}; a damaged photo (a cut JPEG)
 * has its label and scores and, in {@code error}, the damage.
 */
final class PhotoRows {

    static final String PATH = "path";
    static final String LABEL = "label";
    static final String CONFIDENCE = "confidence";
    static final String NEEDS_REVIEW = "needs_review";
    static final String EMBEDDING = "embedding";
    static final String ERROR = "error";
    static final String SOURCE = "source";
    static final String NOTE = "note";
    private static final List<String> FIXED =
            List.of(PATH, LABEL, CONFIDENCE, NEEDS_REVIEW, EMBEDDING, ERROR, SOURCE, NOTE);
    /** What Spark refuses in a Parquet column name. */
    private static final String NOT_IN_A_COLUMN = " ,;{}()\n\t=";

    private PhotoRows() {}

    /**
     * The score columns: each class's name, or {@code score_<name>} (unsafe characters as '_') where the name
     * would clash with a fixed column or is not allowed in Parquet. Spark compares column names case-insensitively.
     */
    static List<String> classColumns(List<String> classNames) {
        List<String> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        FIXED.forEach(f -> taken.add(f.toLowerCase(Locale.ROOT)));
        for (String name : classNames) {
            String column = name;
            if (taken.contains(name.toLowerCase(Locale.ROOT))
                    || name.chars().anyMatch(c -> NOT_IN_A_COLUMN.indexOf(c) >= 0)) {
                StringBuilder safe = new StringBuilder("score_");
                name.chars().forEach(c -> safe.append(NOT_IN_A_COLUMN.indexOf(c) >= 0 ? '_' : (char) c));
                column = safe.toString();
                while (taken.contains(column.toLowerCase(Locale.ROOT))) {
                    column = column + "_";
                }
            }
            taken.add(column.toLowerCase(Locale.ROOT));
            columns.add(column);
        }
        return columns;
    }

    static StructType schema(List<String> classNames) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(PATH, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(LABEL, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(CONFIDENCE, DataTypes.FloatType, true));
        fields.add(DataTypes.createStructField(NEEDS_REVIEW, DataTypes.BooleanType, false));
        for (String column : classColumns(classNames)) {
            fields.add(DataTypes.createStructField(column, DataTypes.FloatType, true));
        }
        fields.add(DataTypes.createStructField(EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false), true));
        fields.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(SOURCE, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(NOTE, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    /** The row of the file at {@code path}: {@code row} as classify's report has it, and the photo's embedding. */
    static Row of(String path, ReportRow row, float[] embedding, int classCount) {
        boolean classified = row.isClassified();
        Object[] values = new Object[4 + classCount + 4];
        values[0] = path;
        values[1] = classified ? row.label() : null;
        values[2] = classified ? row.confidence() : null;
        values[3] = row.needsReview();
        for (int i = 0; i < classCount; i++) {
            values[4 + i] = classified && i < row.scores().size() ? row.scores().get(i) : null;
        }
        values[4 + classCount] = classified && embedding != null && embedding.length > 0 ? embedding : null;
        values[5 + classCount] = row.error().isEmpty() ? null : row.error();
        values[6 + classCount] = classified ? row.source() : null;
        values[7 + classCount] = row.note().isEmpty() ? null : row.note();
        return RowFactory.create(values);
    }

    /** The error row of a file that could not even be fetched to this executor. */
    static Row failed(String path, String error, int classCount) {
        return of(path, new ReportRow("", "", "", "", 0f, false, false, error, List.of()), null, classCount);
    }

    /**
     * Back from the Parquet columns {@code label, confidence, error, needs_review, <classes>, source, note} (in that order, as
     * {@link MergedCsv} selects them) to classify's report row; {@code file} is the name relative to the input.
     */
    static ReportRow toReportRow(Row row, String file, String folder, int classCount) {
        String label = row.isNullAt(0) ? "" : row.getString(0);
        float confidence = row.isNullAt(1) ? 0f : row.getFloat(1);
        String error = row.isNullAt(2) ? "" : row.getString(2);
        boolean needsReview = row.getBoolean(3);
        List<Float> scores = new ArrayList<>(classCount);
        if (!label.isEmpty()) {
            for (int i = 0; i < classCount; i++) {
                scores.add(row.isNullAt(4 + i) ? 0f : row.getFloat(4 + i));
            }
        }
        return new ReportRow(
                file,
                folder,
                label,
                label,
                confidence,
                false,
                false,
                error,
                scores,
                needsReview,
                row.isNullAt(4 + classCount) ? "" : row.getString(4 + classCount),
                row.isNullAt(5 + classCount) ? "" : row.getString(5 + classCount));
    }
}
