package org.roomnet.cli;

import org.roomnet.core.classify.Prediction;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.imaging.Preprocessor;
import org.roomnet.core.shoot.PhotoResult;
import org.roomnet.core.shoot.ShootClassifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures the full classify pipeline against a naive baseline (one thread, full-size ImageIO decode,
 * one photo per inference) on the same generated shoot of large JPEGs, in the same run.
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
            description = "photos timed for the slow baseline (default: ${DEFAULT-VALUE})")
    int baselinePhotos;

    @Option(names = "--work", description = "work folder (default: a temporary folder, deleted afterwards)")
    Path work;

    @Option(names = "--model", description = "model file")
    Path model;

    @Option(names = "--provider", defaultValue = "auto", converter = ProviderConverter.class)
    ProviderPreference provider;

    @Override
    public Integer call() throws Exception {
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("roomnet-bench") : Files.createDirectories(work);
        try (RoomClassifier classifier = RoomClassifier.open(CliSupport.resolveModel(model), provider)) {
            Path modelFile = CliSupport.resolveModel(model);
            CliSupport.printProvider(System.err, classifier, modelFile);
            List<Path> shoot = new BenchmarkShoot(pool, photos, distinct, megapixels).build(dir);
            System.err.printf("shoot: %d photos of %.0f MP (%d distinct), %d cores, max heap %d MB%n", shoot.size(),
                    megapixels, Math.min(distinct, shoot.size()), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);

            List<Path> baselineSet = shoot.subList(0, Math.min(baselinePhotos, shoot.size()));
            var d = classifier.description();
            Preprocessor preprocessor = new Preprocessor(d.inputSize(), d.pixelScale(), d.pixelOffset());
            long t0 = System.nanoTime();
            List<String> baselineLabels = new ArrayList<>();
            for (Path p : baselineSet) {
                BufferedImage full = ImageIO.read(p.toFile());
                Prediction prediction = classifier.classify(List.of(preprocessor.toTensor(full))).get(0);
                baselineLabels.add(prediction.label());
            }
            double baselineRate = baselineSet.size() / ((System.nanoTime() - t0) / 1e9);

            long t1 = System.nanoTime();
            List<PhotoResult> results = ShootClassifier.withDefaults(classifier)
                    .classify(shoot, (r, done, total) -> { }, new AtomicBoolean());
            double pipelineRate = shoot.size() / ((System.nanoTime() - t1) / 1e9);
            int agree = 0;
            for (int i = 0; i < baselineSet.size(); i++) {
                agree += results.get(i).isClassified() && results.get(i).prediction().label().equals(baselineLabels.get(i)) ? 1 : 0;
            }
            System.out.printf("baseline (1 thread, full-size ImageIO decode, batch 1): %.2f photos/s over %d photos%n",
                    baselineRate, baselineSet.size());
            System.out.printf("classify pipeline (reduced-size decode, %d threads, batched): %.2f photos/s over %d photos%n",
                    Runtime.getRuntime().availableProcessors(), pipelineRate, shoot.size());
            System.out.printf("speed-up: %.2fx; same top-1 label on %d of %d baseline photos%n",
                    pipelineRate / baselineRate, agree, baselineSet.size());
            return RoomNetCommand.EXIT_OK;
        } finally {
            if (temporary) {
                BenchmarkShoot.deleteTree(dir);
            }
        }
    }
}
