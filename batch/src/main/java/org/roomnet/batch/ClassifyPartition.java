package org.roomnet.batch;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.report.Report;
import org.roomnet.core.report.ReportRow;
import org.roomnet.core.review.ReviewRules;
import org.roomnet.core.shoot.PhotoResult;
import org.roomnet.core.shoot.ShootClassifier;

import java.io.IOException;
import java.io.Serial;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Classifies one partition of paths on an executor, through the app's own pipeline ({@link ShootClassifier}:
 * the same decoding, pre-processing, batching and damage checks as {@code classify}) and its report rows
 * ({@link Report}: the same label, confidence and needs-review rule). Paths are taken {@code chunk} at a time,
 * lazily, so a partition of any size holds one chunk of results in memory. Every file gives a row: a file that
 * cannot be fetched, read or decoded is an error row, never a failed task.
 */
final class ClassifyPartition implements FlatMapFunction<Iterator<String>, Row> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String modelName;
    private final ProviderPreference provider;
    private final int batch;
    private final int decodeThreads;
    private final int chunk;
    private final Broadcast<Map<String, String>> hadoopConf;

    /**
     * @param modelName     the model's name among the job's SparkFiles
     * @param hadoopConf    the driver's Hadoop settings (credentials of {@code s3a://} and the like), for fetching
     *                      photos that are not on a local file system
     */
    ClassifyPartition(String modelName, ProviderPreference provider, int batch, int decodeThreads, int chunk,
                      Broadcast<Map<String, String>> hadoopConf) {
        this.modelName = modelName;
        this.provider = provider;
        this.batch = batch;
        this.decodeThreads = decodeThreads;
        this.chunk = chunk;
        this.hadoopConf = hadoopConf;
    }

    @Override
    public Iterator<Row> call(Iterator<String> paths) throws Exception {
        RoomClassifier classifier = ExecutorModel.get(Path.of(SparkFiles.get(modelName)), provider);
        ShootClassifier pipeline = new ShootClassifier(classifier, batch, decodeThreads);
        ReviewRules rules = ReviewRules.forModel(classifier.description());
        List<String> classNames = classifier.description().classNames();
        return new Iterator<>() {
            private final Queue<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && paths.hasNext()) {
                    List<String> next = new ArrayList<>(chunk);
                    while (next.size() < chunk && paths.hasNext()) {
                        next.add(paths.next());
                    }
                    ready.addAll(classify(next, pipeline, rules, classNames));
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.remove();
            }
        };
    }

    private List<Row> classify(List<String> paths, ShootClassifier pipeline, ReviewRules rules, List<String> classNames) {
        Path fetched = null;
        try {
            List<Path> files = new ArrayList<>(paths.size());
            List<String> errors = new ArrayList<>(paths.size());
            for (int i = 0; i < paths.size(); i++) {
                URI uri = new org.apache.hadoop.fs.Path(paths.get(i)).toUri();
                if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
                    files.add(Path.of(uri.getPath()));
                    errors.add(null);
                    continue;
                }
                if (fetched == null) {
                    fetched = Files.createTempDirectory("roomnet-batch");
                }
                try {
                    files.add(fetch(paths.get(i), fetched.resolve(Integer.toString(i))));
                    errors.add(null);
                } catch (IOException | RuntimeException e) {
                    files.add(null);
                    errors.add("cannot read file: " + e.getMessage());
                }
            }
            List<Path> readable = files.stream().filter(f -> f != null).toList();
            List<PhotoResult> results = pipeline.classify(readable, (r, done, total) -> { }, new AtomicBoolean());
            List<Row> rows = new ArrayList<>(paths.size());
            int next = 0;
            for (int i = 0; i < paths.size(); i++) {
                if (errors.get(i) != null) {
                    rows.add(PhotoRows.failed(paths.get(i), errors.get(i), classNames.size()));
                    continue;
                }
                PhotoResult result = results.get(next++);
                // the report's own row: classify's label, confidence, error and needs-review rule
                ReportRow row = Report.fromResults(classNames, result.file().getParent(), List.of(result), rules)
                        .rows().get(0);
                float[] embedding = result.isClassified() ? result.prediction().embedding() : null;
                rows.add(PhotoRows.of(paths.get(i), row, embedding, classNames.size()));
            }
            return rows;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted (the task was cancelled)", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a temporary folder for fetched photos: " + e.getMessage(), e);
        } catch (ai.onnxruntime.OrtException e) {
            // the model itself failed (not one photo): the task fails and Spark retries it
            throw new IllegalStateException("the model failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(fetched);
        }
    }

    /** Copies a photo from a remote file system ({@code s3a://}, {@code hdfs://}) into {@code folder}, under its own name. */
    private Path fetch(String path, Path folder) throws IOException {
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(path);
        Configuration conf = new Configuration();
        hadoopConf.value().forEach(conf::set);
        FileSystem fs = remote.getFileSystem(conf);
        Files.createDirectories(folder);
        Path local = folder.resolve(remote.getName());
        try (FSDataInputStream in = fs.open(remote)) {
            Files.copy(in, local);
        }
        return local;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind: the executor's temp space is cleaned with it
        }
    }
}
