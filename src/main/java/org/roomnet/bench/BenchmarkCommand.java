package org.roomnet.bench;

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
import javax.imageio.ImageIO;
import org.roomnet.cli.RoomNetCommand;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.classify.ShootClassifier;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.imaging.Preprocessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures, in one run and on the same generated shoot of large noisy JPEGs: a naive one-thread full-size
 * ImageIO decode (decode only), the same with batch-1 inference, the classify pipeline in this JVM, and
 * optionally {@code classify} end to end in a new JVM (start, model load, decode, inference, CSV). Each
 * figure is a ratio against the naive decode measured in the same round, so a busy machine shows as noise
 * in the rounds, not as a skewed comparison.
 */
@Command(
        name = "benchmark",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Build a shoot of large JPEGs from pool photos and compare classify with a naive decode.")
public final class BenchmarkCommand implements Callable<Integer> {

    @Mixin
    GeneratedShootOptions generated = new GeneratedShootOptions();

    @Option(names = "--photos", defaultValue = "48", description = "photos in the shoot (default: ${DEFAULT-VALUE})")
    int photos;

    @Option(
            names = "--baseline-photos",
            defaultValue = "16",
            description = "photos timed for the two naive figures (default: ${DEFAULT-VALUE})")
    int baselinePhotos;

    @Option(
            names = "--rounds",
            defaultValue = "1",
            description = "measure everything this many times; 0: only make the shoot (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--end-to-end", description = "also time `classify` on the shoot in a new JVM, CSV included")
    boolean endToEnd;

    @Option(names = "--work", description = "work folder, kept for the next run (default: a temporary folder, deleted)")
    Path work;

    @Override
    public Integer call() throws Exception {
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("roomnet-bench") : Files.createDirectories(work);
        Path modelFile = generated.models.modelFile();
        try (RoomClassifier classifier = generated.models.open(System.err)) {
            List<Path> shoot = generated.shoot(photos).build(dir);
            long bytes = 0;
            for (Path p : shoot) {
                bytes += Files.size(p);
            }
            System.out.printf(
                    Locale.ROOT,
                    "shoot: %d photos of %.0f MP (%d distinct, %.1f MB on average), %d cores, "
                            + "max heap %d MB; JPEG decoding: %s%n",
                    shoot.size(),
                    generated.megapixels,
                    Math.min(generated.distinct, shoot.size()),
                    bytes / 1e6 / shoot.size(),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    PhotoDecoder.jpegDecoderInUse());
            if (rounds <= 0) {
                return RoomNetCommand.EXIT_OK;
            }
            List<Path> baselineSet = shoot.subList(0, Math.min(baselinePhotos, shoot.size()));
            double[] pipelineRatios = new double[rounds];
            double[] endToEndRatios = new double[rounds];
            double[] cpuRatios = new double[rounds];
            for (int round = 1; round <= rounds; round++) {
                String loadBefore = MachineLoad.loadAverage();
                Timed decodeOnly = Timed.inThisJvm(baselineSet.size(), () -> naiveDecode(baselineSet));
                List<String> naiveLabels = new ArrayList<>();
                Timed decodeAndInfer = Timed.inThisJvm(
                        baselineSet.size(), () -> naiveLabels.addAll(naiveClassify(classifier, baselineSet)));
                List<PhotoResult> results = new ArrayList<>();
                Timed pipeline = Timed.inThisJvm(
                        shoot.size(),
                        () -> results.addAll(ShootClassifier.withDefaults(classifier)
                                .classify(shoot, (r, done, total) -> {}, new AtomicBoolean())));
                Timed classify = endToEnd ? Timed.inChild(shoot.size(), () -> classifyInNewJvm(dir, modelFile)) : null;
                int agree = 0;
                for (int i = 0; i < baselineSet.size(); i++) {
                    agree += results.get(i).isClassified()
                                    && results.get(i).prediction().label().equals(naiveLabels.get(i))
                            ? 1
                            : 0;
                }
                pipelineRatios[round - 1] = pipeline.rate() / decodeOnly.rate();
                endToEndRatios[round - 1] = endToEnd ? classify.rate() / decodeOnly.rate() : Double.NaN;
                cpuRatios[round - 1] =
                        (endToEnd ? classify : pipeline).cpuMillisPerPhoto() / decodeOnly.cpuMillisPerPhoto();
                System.out.printf(
                        Locale.ROOT,
                        "round %d of %d (load average before: %s, after: %s)%n",
                        round,
                        rounds,
                        loadBefore,
                        MachineLoad.loadAverage());
                decodeOnly.print("naive decode only (1 thread, full-size ImageIO)", baselineSet.size(), decodeOnly);
                decodeAndInfer.print("naive decode + inference (1 thread, batch 1)", baselineSet.size(), decodeOnly);
                pipeline.print(
                        "classify pipeline (this JVM, " + Runtime.getRuntime().availableProcessors()
                                + " threads, batches)",
                        shoot.size(),
                        decodeOnly);
                if (endToEnd) {
                    classify.print("classify end to end (new JVM, model load, CSV)", shoot.size(), decodeOnly);
                }
                System.out.printf(
                        "  same top-1 label as the naive path on %d of %d photos%n", agree, baselineSet.size());
            }
            System.out.printf(
                    Locale.ROOT,
                    "median over %d round(s), against the naive decode only: pipeline %.2fx%s%n",
                    rounds,
                    median(pipelineRatios),
                    endToEnd ? String.format(Locale.ROOT, ", classify end to end %.2fx", median(endToEndRatios)) : "");
            System.out.printf(
                    Locale.ROOT,
                    "CPU time per photo of %s, against the naive decode only: %.2f (median)%n",
                    endToEnd ? "classify end to end" : "the pipeline",
                    median(cpuRatios));
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
            Prediction prediction =
                    classifier.classify(List.of(preprocessor.toTensor(full))).get(0);
            labels.add(prediction.label());
        }
        return labels;
    }

    /** `classify` as a user runs it, with this JVM's options (heap, -D flags). */
    private void classifyInNewJvm(Path dir, Path modelFile) throws IOException, InterruptedException {
        ChildJvm.run(
                List.of(),
                List.of(
                        "classify",
                        dir.resolve("shoot").toString(),
                        "--csv",
                        dir.resolve("classify.csv").toString(),
                        "--model",
                        modelFile.toString(),
                        "--provider",
                        generated.models.providerName()),
                dir.resolve("classify.log"));
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Photos per second, and CPU milliseconds per photo (all threads): the share of a busy machine it got. */
    private record Timed(double rate, double cpuMillisPerPhoto) {

        static Timed inThisJvm(int count, Work work) throws Exception {
            return time(count, work, MachineLoad::processCpuNanos);
        }

        static Timed inChild(int count, Work work) throws Exception {
            return time(count, work, MachineLoad::childrenCpuNanos);
        }

        private static Timed time(int count, Work work, java.util.function.LongSupplier cpu) throws Exception {
            long cpuStart = cpu.getAsLong();
            long start = System.nanoTime();
            work.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpuEnd = cpu.getAsLong();
            return new Timed(count / seconds, cpuStart < 0 ? Double.NaN : (cpuEnd - cpuStart) / 1e6 / count);
        }

        void print(String what, int count, Timed baseline) {
            System.out.printf(
                    Locale.ROOT,
                    "  %-52s %6.2f photos/s over %d photos (%.2fx), %5.0f ms CPU per photo%n",
                    what + ":",
                    rate,
                    count,
                    rate / baseline.rate,
                    cpuMillisPerPhoto);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
