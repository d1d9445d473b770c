package org.roomnet.bench;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.roomnet.cli.RoomNetCommand;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.listing.ExportRecords;
import org.roomnet.core.listing.ListingEntry;
import org.roomnet.core.listing.ListingExporter;
import org.roomnet.core.listing.ListingPlan;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.listing.ListingResult;
import org.roomnet.core.listing.ListingTarget;
import org.roomnet.core.listing.NamePattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the listing export (the MLS preset's size and quality) against a naive export, on the same
 * generated shoot of large JPEGs, in the same run: one thread, full-size ImageIO decode,
 * {@code Image.getScaledInstance(SCALE_SMOOTH)}, ImageIO's default JPEG write. Prints the machine's
 * load before and after each, and the heap the export used at its peak.
 */
@Command(
        name = "benchmark-listing",
        hidden = true,
        mixinStandardHelpOptions = true,
        description = "Time the listing export (MLS size and quality) against a naive one-thread export.")
public final class ListingBenchmarkCommand implements Callable<Integer> {

    @Option(names = "--pool", description = "folder of photos to enlarge (default: ../shared/datasets/roomtypes)")
    Path pool = Path.of(System.getProperty("roomnet.pool", "../shared/datasets/roomtypes"));

    @Option(names = "--photos", defaultValue = "200", description = "photos exported (default: ${DEFAULT-VALUE})")
    int photos;

    @Option(
            names = "--distinct",
            defaultValue = "24",
            description = "distinct generated JPEGs; the rest are hard links to them (default: ${DEFAULT-VALUE})")
    int distinct;

    @Option(names = "--megapixels", defaultValue = "24", description = "size of each photo (default: ${DEFAULT-VALUE})")
    double megapixels;

    @Option(
            names = "--baseline-photos",
            defaultValue = "8",
            description = "photos timed for the naive export (default: ${DEFAULT-VALUE})")
    int baselinePhotos;

    @Option(names = "--threads", description = "export threads (default: number of cores)")
    Integer threads;

    @Option(names = "--work", description = "work folder, kept for the next run (default: a temporary folder, deleted)")
    Path work;

    @Override
    public Integer call() throws Exception {
        boolean temporary = work == null;
        Path dir = temporary ? Files.createTempDirectory("roomnet-listing-bench") : Files.createDirectories(work);
        try {
            List<Path> shoot = new BenchmarkShoot(pool, photos, distinct, megapixels).build(dir);
            System.out.printf(
                    Locale.ROOT,
                    "shoot: %d photos of %.0f MP (%d distinct), %d cores, max heap %d MB; " + "JPEG decoding: %s%n",
                    shoot.size(),
                    megapixels,
                    Math.min(distinct, shoot.size()),
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    PhotoDecoder.jpegDecoderInUse());

            List<Path> baselineSet = shoot.subList(0, Math.min(baselinePhotos, shoot.size()));
            Path naiveOut = Files.createDirectories(dir.resolve("naive"));
            String loadBefore = MachineLoad.loadAverage();
            long t0 = System.nanoTime();
            for (int i = 0; i < baselineSet.size(); i++) {
                naiveExport(baselineSet.get(i), naiveOut.resolve(String.format("%03d.jpg", i + 1)));
            }
            double naiveRate = baselineSet.size() / ((System.nanoTime() - t0) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "naive (1 thread, full decode, getScaledInstance, ImageIO write): %.3f photos/s "
                            + "over %d photos (load average before: %s, after: %s)%n",
                    naiveRate,
                    baselineSet.size(),
                    loadBefore,
                    MachineLoad.loadAverage());

            ListingPlan plan = uncappedMlsPlan(shoot);
            Path out = dir.resolve("listing");
            if (Files.exists(out)) {
                BenchmarkShoot.deleteTree(out);
            }
            ExportRecords records = new ExportRecords(dir.resolve("records"));
            ListingExporter exporter = threads != null
                    ? new ListingExporter(records, threads, Runtime.getRuntime().maxMemory() / 2)
                    : ListingExporter.withDefaults(records);
            System.gc();
            resetPeaks();
            long gcBefore = collections();
            loadBefore = MachineLoad.loadAverage();
            long t1 = System.nanoTime();
            ListingResult result = exporter.export(
                    plan,
                    ListingTarget.choose(out, shoot.get(0).getParent(), false, records),
                    false,
                    (done, total) -> {},
                    new AtomicBoolean());
            double rate = result.written().size() / ((System.nanoTime() - t1) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "listing export (%d threads, MLS: 2048 px, quality 85): %.3f photos/s over %d "
                            + "photos (load average before: %s, after: %s)%n",
                    threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    rate,
                    result.written().size(),
                    loadBefore,
                    MachineLoad.loadAverage());
            System.out.printf(
                    Locale.ROOT,
                    "heap in use at its peak during the export (young garbage included): %d MB of %d MB; "
                            + "%d garbage collections; %d photos skipped%n",
                    peakHeap() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20,
                    collections() - gcBefore,
                    result.skipped().size());
            System.out.printf(Locale.ROOT, "speed-up: %.2fx%n", rate / naiveRate);
            return RoomNetCommand.EXIT_OK;
        } finally {
            if (temporary) {
                BenchmarkShoot.deleteTree(dir);
            }
        }
    }

    /** The MLS preset's size and quality for every photo: its 50-photo cap would leave most of a timed shoot out. */
    private static ListingPlan uncappedMlsPlan(List<Path> shoot) {
        NamePattern names = NamePattern.defaultPattern();
        List<ListingEntry> entries = new ArrayList<>();
        for (int i = 0; i < shoot.size(); i++) {
            entries.add(new ListingEntry(
                    i + 1,
                    shoot.get(i),
                    "Kitchen",
                    names.name(
                            i + 1,
                            shoot.size(),
                            "Kitchen",
                            i + 1,
                            shoot.get(i).getFileName().toString(),
                            "shoot"),
                    i == 0));
        }
        return new ListingPlan(ListingPreset.MLS, entries, List.of(), List.of(), List.of());
    }

    /** What a first attempt looks like: decode all of it, let AWT scale it, write it with ImageIO's defaults. */
    private static void naiveExport(Path source, Path target) throws Exception {
        BufferedImage full = ImageIO.read(source.toFile());
        double scale = 2048.0 / Math.max(full.getWidth(), full.getHeight());
        int w = (int) Math.round(full.getWidth() * scale);
        int h = (int) Math.round(full.getHeight() * scale);
        Image scaled = full.getScaledInstance(w, h, Image.SCALE_SMOOTH);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(scaled, 0, 0, null);
        g.dispose();
        ImageIO.write(out, "jpg", target.toFile());
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .filter(c -> c >= 0)
                .sum();
    }
}
