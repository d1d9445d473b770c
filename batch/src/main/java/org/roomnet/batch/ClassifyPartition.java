package org.roomnet.batch;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.classify.ShootClassifier;
import org.roomnet.core.memory.MemoryBlend;
import org.roomnet.core.report.Report;
import org.roomnet.core.report.ReportRow;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewRules;

/**
 * Classifies one partition of paths on an executor, through the app's own pipeline ({@link ShootClassifier}:
 * the same decoding, pre-processing, batching and damage checks as {@code classify}) and its report rows
 * ({@link Report}: the same label, confidence and needs-review rule). The pipeline runs on a thread of its own and
 * hands each photo's row over as it comes, so Spark writes the rows while the next photos are classified; a bounded
 * queue keeps the rows in memory few. Local files are classified in one pass over the partition; files of another
 * file system ({@code s3a://}, {@code hdfs://}) are fetched to local disk {@link #REMOTE_CHUNK} at a time first.
 * Every file gives a row: a file that cannot be fetched, read or decoded is an error row, never a failed task.
 */
final class ClassifyPartition implements FlatMapFunction<Iterator<String>, Row> {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Remote photos fetched to the executor's disk at a time (24 MP photos are ~8 MB each). */
    static final int REMOTE_CHUNK = 64;
    /** Rows waiting for Spark to write them. */
    private static final int QUEUED_ROWS = 256;

    private static final Object END = new Object();

    private final String modelName;
    /** The memory file's name among the SparkFiles; null: the model's labels alone. */
    private final String memoryName;

    private final ProviderPreference provider;
    private final int batch;
    private final int decodeThreads;
    private final Broadcast<Map<String, String>> hadoopConf;

    /**
     * @param modelName     the model's name among the job's SparkFiles
     * @param hadoopConf    the driver's Hadoop settings (credentials of {@code s3a://} and the like), for fetching
     *                      photos that are not on a local file system
     */
    ClassifyPartition(
            String modelName,
            String memoryName,
            ProviderPreference provider,
            int batch,
            int decodeThreads,
            Broadcast<Map<String, String>> hadoopConf) {
        this.modelName = modelName;
        this.memoryName = memoryName;
        this.provider = provider;
        this.batch = batch;
        this.decodeThreads = decodeThreads;
        this.hadoopConf = hadoopConf;
    }

    /** What the classifying thread failed with, handed to the task's thread. */
    private record Failure(Throwable cause) {}

    @Override
    public Iterator<Row> call(Iterator<String> paths) throws Exception {
        RoomClassifier classifier = ExecutorModel.get(Path.of(SparkFiles.get(modelName)), provider);
        MemoryBlend memory =
                memoryName == null ? null : ExecutorMemory.get(Path.of(SparkFiles.get(memoryName)), classifier);
        List<String> all = new ArrayList<>();
        paths.forEachRemaining(all::add); // a partition's paths: a few thousand short strings at most
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_ROWS);
        AtomicBoolean cancelled = new AtomicBoolean();
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener(
                    (TaskCompletionListener) context -> cancelled.set(true)); // killed, failed or done: stop
        }
        Thread producer = new Thread(
                () -> {
                    Object last = END;
                    try {
                        produce(all, classifier, memory, queue, cancelled);
                    } catch (Exception | Error e) {
                        last = new Failure(e); // the model failed (or the JVM): the task fails, and Spark retries it
                    }
                    hand(queue, last, cancelled);
                },
                "roomnet-classify");
        producer.setDaemon(true);
        producer.start();
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        cancelled.set(true);
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted (the task was cancelled)", e);
                    }
                }
                if (next instanceof Failure f) {
                    throw new IllegalStateException("classifying failed: " + f.cause(), f.cause());
                }
                return next != END;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row row = (Row) next;
                next = null;
                return row;
            }
        };
    }

    /** Puts {@code item} on the queue, waiting while Spark writes, unless the task is over. */
    private static void hand(BlockingQueue<Object> queue, Object item, AtomicBoolean cancelled) {
        try {
            while (!cancelled.get() && !queue.offer(item, 200, TimeUnit.MILLISECONDS)) {
                // Spark is still writing earlier rows
            }
        } catch (InterruptedException e) {
            cancelled.set(true);
        }
    }

    private void produce(
            List<String> paths,
            RoomClassifier classifier,
            MemoryBlend memory,
            BlockingQueue<Object> queue,
            AtomicBoolean cancelled)
            throws Exception {
        ShootClassifier pipeline = new ShootClassifier(classifier, batch, decodeThreads);
        ReviewRules rules = ReviewRules.forModel(classifier.description());
        List<String> classNames = memory == null ? classifier.description().classNames() : memory.classNames();
        boolean local = paths.stream().allMatch(ClassifyPartition::isLocal);
        int chunk = local ? Math.max(1, paths.size()) : REMOTE_CHUNK;
        for (int from = 0; from < paths.size() && !cancelled.get(); from += chunk) {
            List<String> part = paths.subList(from, Math.min(paths.size(), from + chunk));
            Path fetched = null;
            try {
                Map<Path, String> files = new LinkedHashMap<>();
                for (int i = 0; i < part.size(); i++) {
                    String path = part.get(i);
                    if (isLocal(path)) {
                        files.put(
                                Path.of(new org.apache.hadoop.fs.Path(path)
                                        .toUri()
                                        .getPath()),
                                path);
                        continue;
                    }
                    if (fetched == null) {
                        fetched = Files.createTempDirectory("roomnet-batch");
                    }
                    try {
                        files.put(fetch(path, fetched.resolve(Integer.toString(i))), path);
                    } catch (IOException | RuntimeException e) {
                        hand(
                                queue,
                                PhotoRows.failed(path, "cannot read file: " + e.getMessage(), classNames.size()),
                                cancelled);
                    }
                }
                pipeline.classify(
                        new ArrayList<>(files.keySet()),
                        (result, done, total) -> {
                            // the report's own row: classify's label, confidence, error and needs-review rule
                            ReportRow row = Report.of(
                                            classNames,
                                            result.file().getParent(),
                                            List.of(PhotoReview.of(result, memory)),
                                            ListingChecklist.DEFAULT,
                                            rules)
                                    .rows()
                                    .get(0);
                            float[] embedding =
                                    result.isClassified() ? result.prediction().embedding() : null;
                            hand(
                                    queue,
                                    PhotoRows.of(files.get(result.file()), row, embedding, classNames.size()),
                                    cancelled);
                        },
                        cancelled);
            } finally {
                deleteQuietly(fetched);
            }
        }
    }

    private static boolean isLocal(String path) {
        String scheme = new org.apache.hadoop.fs.Path(path).toUri().getScheme();
        return scheme == null || "file".equals(scheme);
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
