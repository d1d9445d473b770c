package org.roomnet.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.ModelLocator;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.memory.MemoryBlend;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Spark job (issue 21, docs/batch.md): classifies every photo under an input path with the app's model and
 * pipeline and writes {@code <output>/photos.parquet} and, for small runs, {@code <output>/labels.csv}. Run by
 * {@code spark-submit} on a cluster, or in local mode by {@code batch/run-local.sh} (no Spark install needed).
 * Exit codes as the app's command line: 0 done, 2 refused (arguments, output folder), 3 model, 4 files.
 */
@Command(
        name = "roomnet-batch",
        mixinStandardHelpOptions = true,
        description = "Classify every photo under <input> with RoomNet on Apache Spark; write <output>/photos.parquet "
                + "and, for small runs, <output>/labels.csv.")
public final class BatchJob implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    static final int EXIT_MODEL = 3;
    static final int EXIT_FILES = 4;

    @Parameters(
            index = "0",
            paramLabel = "<input>",
            description =
                    "a folder, a file or a glob, on any Hadoop file system (/photos, hdfs://..., s3a://bucket/2024-*/)")
    String input;

    @Parameters(
            index = "1",
            paramLabel = "<output>",
            description = "a new or empty folder (or an earlier run's, with --overwrite)")
    String output;

    @Option(
            names = {"-r", "--recursive"},
            description = "also classify photos in subfolders")
    boolean recursive;

    @Option(names = "--overwrite", description = "replace the output of an earlier run in <output>")
    boolean overwrite;

    @Option(
            names = "--model",
            paramLabel = "<file.onnx>",
            description = "model file, local or on a Hadoop file system (default: the shipped model/roomnet.onnx)")
    String model;

    @Option(
            names = "--memory",
            paramLabel = "<file>",
            description = "a memory of reviewed photos (written by the app's `memory --export`; local or any Hadoop"
                    + " path), mixed into the model's labels as the app and classify mix it in; default: none")
    String memory;

    @Option(
            names = "--provider",
            paramLabel = "auto|cpu|cuda",
            defaultValue = "auto",
            converter = ProviderConverter.class,
            description = "execution provider on the executors (default: ${DEFAULT-VALUE})")
    ProviderPreference provider;

    @Option(
            names = "--batch",
            defaultValue = "16",
            description = "photos per inference batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(
            names = "--decode-threads",
            defaultValue = "1",
            description =
                    "decoding threads per task, beside the task's own inference thread (default: ${DEFAULT-VALUE})")
    int decodeThreads;

    @Option(names = "--partitions", description = "Spark partitions (default: one per core, at most 1,000 photos each)")
    Integer partitions;

    @Option(
            names = "--csv-max",
            defaultValue = "200000",
            description = "write labels.csv when the run has at most this many files (default: ${DEFAULT-VALUE})")
    int csvMax;

    /** Photos per partition at most, by default: a retried task redoes at most a minute or two of work. */
    static final int PER_PARTITION = 1000;

    private final SparkSession given;
    private final PrintStream err;

    public BatchJob() {
        this(null, System.err);
    }

    /** A job on an existing session (the tests'), reporting on {@code err}. */
    BatchJob(SparkSession session, PrintStream err) {
        this.given = session;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new CommandLine(new BatchJob()).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() {
        if (batch < 1 || decodeThreads < 1 || (partitions != null && partitions < 1) || csvMax < 0) {
            err.println("error: --batch, --decode-threads and --partitions must be at least 1, --csv-max at least 0");
            return EXIT_USAGE;
        }
        SparkSession spark = given != null ? given : startSpark();
        try {
            return run(spark);
        } finally {
            if (given == null) {
                spark.stop();
            }
        }
    }

    private static SparkSession startSpark() {
        SparkSession.Builder builder = SparkSession.builder().appName("roomnet-batch");
        if (System.getProperty("spark.master") == null) {
            builder.master("local[*]"); // not started by spark-submit: this machine, every core
        }
        return builder.getOrCreate();
    }

    private int run(SparkSession spark) {
        long started = System.nanoTime();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = sc.hadoopConfiguration();
        OutputFolder out;
        PhotoListing listing;
        try {
            out = OutputFolder.check(output, overwrite, hadoop);
            listing = PhotoListing.of(input, recursive, hadoop);
        } catch (OutputFolder.RefusedException e) {
            err.println("error: " + e.getMessage() + "; nothing was classified");
            return EXIT_USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage() + "; nothing was classified");
            return EXIT_FILES;
        }
        if (recursive && (out.root().toString() + "/").startsWith(listing.base() + "/")) {
            err.println("error: the output " + out.root() + " is inside the input " + listing.base()
                    + ", which a recursive run would classify; choose an output elsewhere");
            return EXIT_USAGE;
        }
        int cores = sc.defaultParallelism();
        int files = listing.files().size();
        err.printf("input: %s: %d files (listed in %.1f s)%n", input, files, seconds(started));

        String modelPath = model;
        RoomClassifier classifier;
        try {
            modelPath = model != null
                    ? model
                    : ModelLocator.find()
                            .map(Path::toString)
                            .orElseThrow(() -> new ModelLoadException(
                                    "no model found; looked at " + ModelLocator.candidates() + " (use --model)"));
            sc.addFile(modelPath);
            // the driver's own copy, for the class names; in local mode the executors' session too
            classifier = ExecutorModel.get(Path.of(org.apache.spark.SparkFiles.get(modelName(modelPath))), provider);
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            return EXIT_MODEL;
        } catch (Exception e) { // Spark throws checked exceptions undeclared (a missing file: FileNotFoundException)
            err.println("error: cannot read the model " + modelPath + ": " + e.getMessage());
            return EXIT_MODEL;
        }
        var d = classifier.description();
        err.printf(
                "model: %s %s (%s); execution provider on the driver: %s%n",
                d.name(), d.version(), modelPath, classifier.provider().displayName());
        List<String> classNames = d.classNames();
        String memoryName = null;
        if (memory != null) {
            try {
                sc.addFile(memory);
                MemoryBlend blend =
                        ExecutorMemory.get(Path.of(org.apache.spark.SparkFiles.get(modelName(memory))), classifier);
                if (blend == null) {
                    err.println("memory: " + memory + " holds no photos: the model's labels alone");
                } else {
                    memoryName = modelName(memory);
                    classNames = blend.classNames();
                    err.printf(
                            "memory: %s: learned from %d photos; room types: %s%n",
                            memory, blend.size(), String.join(", ", classNames));
                }
            } catch (Exception e) { // Spark's addFile throws undeclared checked exceptions too
                err.println("error: the memory " + memory + " cannot be used: " + e.getMessage()
                        + "; nothing was classified");
                return EXIT_MODEL;
            }
        }

        int slices = partitions != null ? partitions : Math.max(cores, (files + PER_PARTITION - 1) / PER_PARTITION);
        long classifying = System.nanoTime();
        FirstTaskClock clock = FirstTaskClock.attach(sc.sc());
        double ownSeconds;
        try {
            Map<String, String> conf = new HashMap<>();
            hadoop.forEach(e -> conf.put(e.getKey(), e.getValue()));
            JavaRDD<Row> rows = sc.parallelize(listing.files(), Math.min(slices, Math.max(1, files)))
                    .mapPartitions(new ClassifyPartition(
                            modelName(modelPath), memoryName, provider, batch, decodeThreads, sc.broadcast(conf)));
            spark.createDataFrame(rows, PhotoRows.schema(classNames))
                    .write()
                    .parquet(out.incoming().toString());
            ownSeconds = clock.secondsSinceFirstTask(seconds(classifying));
            out.replaceWithIncoming();
        } catch (IOException | RuntimeException e) {
            err.println(
                    "error: the run failed; an earlier output in " + output + " is left as it was: " + e.getMessage());
            return EXIT_FILES;
        }
        double classifySeconds = seconds(classifying);

        // counted from what was written, so that a retried task is never counted twice
        Dataset<Row> photos = spark.read().parquet(out.parquet().toString());
        boolean csv = files <= csvMax;
        RunCounts counts;
        try {
            counts = csv ? MergedCsv.write(photos, classNames, listing.base(), out) : RunCounts.of(photos);
        } catch (IOException e) {
            err.println(
                    "error: cannot write " + out.csv() + ": " + e.getMessage() + " (the Parquet dataset is written)");
            return EXIT_FILES;
        }
        err.printf(
                "wrote %s%s%n",
                out.parquet(), csv ? " and " + out.csv() : " (no labels.csv: more than --csv-max files)");
        counts.print(err, ownSeconds, classifySeconds, cores, seconds(started), jvmSeconds());
        return EXIT_OK;
    }

    /** A file's name among the SparkFiles (the model's, the memory's): its file name. */
    private static String modelName(String modelPath) {
        return new org.apache.hadoop.fs.Path(modelPath).getName();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** Seconds since this JVM started (Spark's start-up included). */
    private static double jvmSeconds() {
        return (System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime())
                / 1000.0;
    }

    /** {@code --provider}, as the app's command line takes it. */
    static final class ProviderConverter implements CommandLine.ITypeConverter<ProviderPreference> {
        @Override
        public ProviderPreference convert(String value) {
            try {
                return ProviderPreference.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
