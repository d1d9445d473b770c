package org.roomnet.cli;

import org.roomnet.core.classify.Prediction;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.imaging.Preprocessor;
import org.roomnet.core.shoot.PhotoResult;
import org.roomnet.core.shoot.ShootClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures, in one run and on the same generated shoot of large noisy JPEGs: a naive one-thread full-size
 * ImageIO decode (decode only), the same with batch-1 inference, the classify pipeline in this JVM, and
 * optionally {@code classify} end to end in a new JVM (start, model load, decode, inference, CSV). Each
 * figure is a ratio against the naive decode measured in the same round, so a busy machine shows as noise
 * in the rounds, not as a skewed comparison.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Build a shoot of large JPEGs from pool photos and compare classify with a naive decode.")
public final class BenchmarkCommand implements Callable<Integer> {

    @Option(names = "--pool", description = "folder of photos to enlarge (default: ../shared/datasets/roomtypes)")
    Path pool = Path.of(System.getProperty("roomnet.pool", "../shared/datasets/roomtypes"));

    @Option(names = "--photos", defaultValue = "48", description = "photos in the shoot (default: ${DEFAULT-VALUE})")
    int photos;

    @Option(names = "--distinct", defaultValue = "12",
            description = "distinct generated JPEGs; the rest are hard links to them (default: ${DEFAULT-VALUE})")
    int distinct;

    @Option(names = "--megapixels", defaultValue = "24", description = "size of each photo (default: ${DEFAULT-VALUE})")
    double megapixels;

    @Option(names = "--baseline-photos", defaultValue = "16",
            description = "photos timed for the two naive figures (default: ${DEFAULT-VALUE})")
    int baselinePhotos;

    @Option(names = "--rounds", defaultValue = "1", description = "measure everything this many times (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--end-to-end", description = "also time `classify` on the shoot in a new JVM, CSV included")
    boolean endToEnd;

    @Option(names = "--work", description = "work folder, kept for the next run (default: a temporary folder, deleted)")
    Path work;

    @Option(names = "--model", description = "model file")
    Path model;

    @Option(names = "--provider", defaultValue = "auto")
    String provider;

    @Override
    public Integer call() throws Exception {
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("roomnet-bench") : Files.createDirectories(work);
        Path modelFile = CliSupport.resolveModel(model);
        try (RoomClassifier classifier = RoomClassifier.open(modelFile, ProviderPreference.parse(provider))) {
            CliSupport.printProvider(System.err, classifier, modelFile);
            List<Path> shoot = new BenchmarkShoot(pool, photos, distinct, megapixels).build(dir);
            long bytes = 0;
            for (Path p : shoot) {
                bytes += Files.size(p);
            }
            System.out.printf(Locale.ROOT, "shoot: %d photos of %.0f MP (%d distinct, %.1f MB on average), %d cores, "
                            + "max heap %d MB; JPEG decoding: %s%n", shoot.size(), megapixels,
                    Math.min(distinct, shoot.size()), bytes / 1e6 / shoot.size(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    PhotoDecoder.jpegDecoderInUse());
            List<Path> baselineSet = shoot.subList(0, Math.min(baselinePhotos, shoot.size()));
            double[] pipelineRatios = new double[rounds];
            double[] endToEndRatios = new double[rounds];
            for (int round = 1; round <= rounds; round++) {
                String loadBefore = LoadAverage.read();
                double decodeOnly = rate(baselineSet.size(), () -> naiveDecode(baselineSet));
                List<String> naiveLabels = new ArrayList<>();
                double decodeAndInfer = rate(baselineSet.size(), () -> naiveLabels.addAll(naiveClassify(classifier, baselineSet)));
                List<PhotoResult> results = new ArrayList<>();
                double pipeline = rate(shoot.size(), () -> results.addAll(ShootClassifier.withDefaults(classifier)
                        .classify(shoot, (r, done, total) -> { }, new AtomicBoolean())));
                double classify = endToEnd ? rate(shoot.size(), () -> classifyInNewJvm(dir, modelFile)) : Double.NaN;
                int agree = 0;
                for (int i = 0; i < baselineSet.size(); i++) {
                    agree += results.get(i).isClassified() && results.get(i).prediction().label().equals(naiveLabels.get(i)) ? 1 : 0;
                }
                pipelineRatios[round - 1] = pipeline / decodeOnly;
                endToEndRatios[round - 1] = classify / decodeOnly;
                System.out.printf(Locale.ROOT, "round %d of %d (load average before: %s, after: %s)%n", round, rounds,
                        loadBefore, LoadAverage.read());
                System.out.printf(Locale.ROOT, "  naive decode only (1 thread, full-size ImageIO):     %6.2f photos/s over %d photos%n",
                        decodeOnly, baselineSet.size());
                System.out.printf(Locale.ROOT, "  naive decode + inference (1 thread, batch 1):       %6.2f photos/s over %d photos (%.2fx)%n",
                        decodeAndInfer, baselineSet.size(), decodeAndInfer / decodeOnly);
                System.out.printf(Locale.ROOT, "  classify pipeline (this JVM, %d threads, batches):   %6.2f photos/s over %d photos (%.2fx)%n",
                        Runtime.getRuntime().availableProcessors(), pipeline, shoot.size(), pipeline / decodeOnly);
                if (endToEnd) {
                    System.out.printf(Locale.ROOT, "  classify end to end (new JVM, model load, CSV):     %6.2f photos/s over %d photos (%.2fx)%n",
                            classify, shoot.size(), classify / decodeOnly);
                }
                System.out.printf("  same top-1 label as the naive path on %d of %d photos%n", agree, baselineSet.size());
            }
            System.out.printf(Locale.ROOT, "median over %d round(s), against the naive decode only: pipeline %.2fx%s%n", rounds,
                    median(pipelineRatios), endToEnd ? String.format(Locale.ROOT, ", classify end to end %.2fx",
                            median(endToEndRatios)) : "");
            return RoomNetCommand.EXIT_OK;
        } finally {
            if (temporary) {
                BenchmarkShoot.deleteTree(dir);
            }
        }
    }

    private static void naiveDecode(List<Path> files) throws IOException {
        for (Path p : files) {
            if (ImageIO.read(p.toFile()) == null) {
                throw new IOException("not decoded: " + p);
            }
        }
    }

    private static List<String> naiveClassify(RoomClassifier classifier, List<Path> files) throws Exception {
        var d = classifier.description();
        Preprocessor preprocessor = new Preprocessor(d.inputSize(), d.pixelScale(), d.pixelOffset());
        List<String> labels = new ArrayList<>();
        for (Path p : files) {
            BufferedImage full = ImageIO.read(p.toFile());
            Prediction prediction = classifier.classify(List.of(preprocessor.toTensor(full))).get(0);
            labels.add(prediction.label());
        }
        return labels;
    }

    /** `classify` as a user runs it, with this JVM's options (heap, -D flags). */
    private void classifyInNewJvm(Path dir, Path modelFile) throws IOException, InterruptedException {
        ChildJvm.run(List.of(), List.of("classify", dir.resolve("shoot").toString(), "--csv",
                dir.resolve("classify.csv").toString(), "--model", modelFile.toString(), "--provider", provider),
                dir.resolve("classify.log"));
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double rate(int count, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
