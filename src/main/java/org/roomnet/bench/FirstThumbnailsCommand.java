package org.roomnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.roomnet.cli.RoomNetCommand;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.classify.ShootClassifier;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.workflow.ShootFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Times what the app does when a shoot is opened, headless: with the model already loaded (the app loads it
 * at start), list the folder, then classify with thumbnails; prints when the first thumbnail, the first
 * screenful of thumbnails and the first label arrive, and stops there. With {@code --imageio-baseline} the same rounds run
 * again in a new JVM with the fast JPEG path off, for a side-by-side figure.
 */
@Command(
        name = "first-thumbnails",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Time from opening a shoot of large JPEGs to its first thumbnails and labels.")
public final class FirstThumbnailsCommand implements Callable<Integer> {

    @Mixin
    GeneratedShootOptions generated = new GeneratedShootOptions();

    @Option(names = "--photos", defaultValue = "200", description = "photos in the shoot (default: ${DEFAULT-VALUE})")
    int photos;

    @Option(
            names = "--screen",
            defaultValue = "24",
            description = "thumbnails that fill the first screen (default: ${DEFAULT-VALUE})")
    int screen;

    @Option(
            names = "--thumbnail-side",
            defaultValue = "200",
            description = "longest side of a thumbnail, as in the app (default: ${DEFAULT-VALUE})")
    int thumbnailSide;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description = "times the shoot is opened (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--imageio-baseline", description = "then the same in a new JVM with -Droomnet.fastJpeg=false")
    boolean imageIoBaseline;

    @Option(names = "--work", required = true, description = "work folder for the generated shoot (kept)")
    Path work;

    @Override
    public Integer call() throws Exception {
        Path modelFile = generated.models.modelFile();
        Path dir = Files.createDirectories(work);
        generated.shoot(photos).build(dir);
        try (RoomClassifier classifier = generated.models.open(System.err)) {
            System.out.printf(
                    "opening a shoot of %d photos of %.0f MP; JPEG decoding: %s%n",
                    photos, generated.megapixels, PhotoDecoder.jpegDecoderInUse());
            for (int round = 1; round <= rounds; round++) {
                String load = MachineLoad.loadAverage();
                Timeline t = open(classifier, dir.resolve("shoot"));
                System.out.printf(
                        Locale.ROOT,
                        "  round %d (load %s): first thumbnail %.2f s, first %d thumbnails %.2f s, "
                                + "first label %.2f s%n",
                        round,
                        load,
                        t.firstThumbnail,
                        Math.min(screen, photos),
                        t.screenful,
                        t.firstLabel);
            }
        }
        if (imageIoBaseline) {
            List<String> args = new ArrayList<>(List.of(
                    "first-thumbnails",
                    "--work",
                    dir.toString(),
                    "--photos",
                    String.valueOf(photos),
                    "--distinct",
                    String.valueOf(generated.distinct),
                    "--megapixels",
                    String.valueOf(generated.megapixels),
                    "--screen",
                    String.valueOf(screen),
                    "--thumbnail-side",
                    String.valueOf(thumbnailSide),
                    "--rounds",
                    String.valueOf(rounds),
                    "--pool",
                    generated.pool.toString(),
                    "--model",
                    modelFile.toString(),
                    "--provider",
                    generated.models.providerName()));
            ChildJvm.run(List.of("-Droomnet.fastJpeg=false"), args, null);
        }
        return RoomNetCommand.EXIT_OK;
    }

    private record Timeline(double firstThumbnail, double screenful, double firstLabel) {}

    private Timeline open(RoomClassifier classifier, Path folder) throws Exception {
        long start = System.nanoTime();
        List<Path> files = ShootFolder.list(folder);
        int screenful = Math.min(screen, files.size());
        AtomicInteger thumbnails = new AtomicInteger();
        AtomicBoolean seen = new AtomicBoolean();
        long[] at = new long[3]; // first thumbnail, screenful, first label
        ShootClassifier shoot = ShootClassifier.withDefaults(classifier)
                .withThumbnails(thumbnailSide, (file, image) -> {
                    int n = thumbnails.incrementAndGet();
                    record(at, n == 1 ? 0 : -1, seen);
                    record(at, n == screenful ? 1 : -1, seen);
                });
        shoot.classify(files, (result, done, total) -> record(at, done == 1 ? 2 : -1, seen), seen);
        synchronized (at) {
            return new Timeline(seconds(at[0], start), seconds(at[1], start), seconds(at[2], start));
        }
    }

    /** Notes the time of event {@code index} (if not negative); all three seen: stop classifying. */
    private static void record(long[] at, int index, AtomicBoolean allSeen) {
        if (index < 0) {
            return;
        }
        synchronized (at) {
            at[index] = System.nanoTime();
            allSeen.set(at[0] != 0 && at[1] != 0 && at[2] != 0);
        }
    }

    private static double seconds(long nanos, long start) {
        return nanos == 0 ? Double.NaN : (nanos - start) / 1e9;
    }
}
