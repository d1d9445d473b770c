package org.roomnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.roomnet.core.classify.ClassifyOptions;
import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.listing.ExportRecords;
import org.roomnet.core.listing.ListingEntry;
import org.roomnet.core.listing.ListingException;
import org.roomnet.core.listing.ListingExporter;
import org.roomnet.core.listing.ListingOrder;
import org.roomnet.core.listing.ListingPlan;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.listing.ListingResult;
import org.roomnet.core.listing.ListingTarget;
import org.roomnet.core.listing.NamePattern;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeException;
import org.roomnet.core.organize.ShootLock;
import org.roomnet.core.review.ReviewClaim;
import org.roomnet.core.review.ReviewFileException;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.ReviewSnapshot;
import org.roomnet.core.workflow.Shoot;
import org.roomnet.core.workflow.ShootSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code roomnet export-listing}: the listing's photos, in order, renamed and sized for a portal, as
 * copies in a new folder. The agent's review (the sidecar the app keeps) gives labels, rejects, cover
 * and order; photos it does not cover are classified by the model. The shoot is only read: no sidecar
 * is written.
 */
@Command(
        name = "export-listing",
        mixinStandardHelpOptions = true,
        description = "Export the listing: the photos in listing order, renamed and resized for a portal, as copies.")
public final class ExportListingCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<folder>", description = "the shoot folder")
    Path folder;

    @Option(names = "--into", paramLabel = "<dir>", description = "a new or empty folder (default: <folder>_listing)")
    Path into;

    @Option(
            names = "--preset",
            paramLabel = "mls|web|original",
            defaultValue = "mls",
            description = "mls: long side 2048 px, quality 85, at most 50 photos; web: 1024 px; original: renamed "
                    + "copies (default: ${DEFAULT-VALUE})")
    ListingPreset preset;

    @Option(
            names = "--names",
            paramLabel = "<pattern>",
            defaultValue = NamePattern.DEFAULT,
            description = "file names: {n} position, {room}, {-k} '-2' from a room's second photo, {k}, {name} "
                    + "original name, {shoot} (default: ${DEFAULT-VALUE})")
    String names;

    @Option(
            names = "--room-order",
            paramLabel = "<rooms>",
            description = "rooms in listing order, comma-separated (default: " + ListingOrder.DEFAULT_ROOMS
                    + "; room types not named go after the named ones, before a FloorPlan that ends the order)")
    String roomOrder;

    @Option(
            names = "--keep-metadata",
            description = "keep all metadata (default: GPS, owner, serial numbers and "
                    + "the like are removed; capture time, camera and exposure stay)")
    boolean keepMetadata;

    @Option(
            names = "--replace",
            description = "replace an earlier RoomNet export in <dir> (never a folder holding other files)")
    boolean replace;

    @Option(
            names = "--ignore-damaged-review",
            description = "go on when lines of the saved review are damaged "
                    + "(their photos then get the model's label; default: stop, exit 4)")
    boolean ignoreDamagedReview;

    @Mixin
    ModelOptions models = new ModelOptions();

    @Option(
            names = "--no-memory",
            description = "label photos without a saved review by the model alone, without the "
                    + "memory of reviewed photos")
    boolean noMemory;

    @Option(names = "--threads", description = "decoding and export threads (default: number of cores)")
    Integer threads;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (!Files.isDirectory(folder)) {
            err.println("error: not a folder: " + folder);
            return RoomNetCommand.EXIT_USAGE;
        }
        folder = CliSupport.shootFolder(folder);
        Interrupts.state("nothing was exported");
        NamePattern pattern;
        try {
            pattern = new NamePattern(names);
        } catch (IllegalArgumentException e) {
            err.println("error: --names: " + e.getMessage());
            return RoomNetCommand.EXIT_USAGE;
        }
        ListingOrder order = roomOrder == null ? ListingOrder.DEFAULT : ListingOrder.parse(roomOrder);
        Path destination = into != null ? into : ListingTarget.defaultFolder(folder);
        ListingTarget target;
        ExportRecords records = ExportRecords.defaultRecords();
        try {
            target = ListingTarget.choose(destination, folder, replace, records);
        } catch (ListingException e) {
            err.println("error: " + e.getMessage() + (replace ? "" : " (--replace replaces an earlier export)"));
            return RoomNetCommand.EXIT_USAGE;
        }
        Integer failed = null;
        RoomClassifier classifier = null;
        // The shoot's lock, as organize and undo take it: a move during the export would take its photos away.
        try (ShootLock lock = ShootLock.acquire(JournalStore.defaultStore(), folder)) {
            ShootSource source = ShootSource.folder(folder, false);
            ReviewSnapshot saved = readReview(err, source.folder());
            if (saved == null) {
                return RoomNetCommand.EXIT_FILES;
            }
            Shoot shoot = openWithoutModel(source, saved);
            if (shoot == null || !shoot.toClassify().isEmpty()) {
                classifier = models.open(err);
                shoot = Shoot.open(
                        source,
                        Optional.of(classifier),
                        saved,
                        MemorySupport.open(noMemory, classifier, models.modelFile(), err));
                ProgressPrinter progress = new ProgressPrinter(err);
                shoot.addResults(shoot.classifyRest(ClassifyOptions.of(null, threads), progress));
                progress.finish();
            }
            if (!shoot.problem().isEmpty()) {
                err.println("warning: " + shoot.problem());
            }
            err.printf(
                    "labels: %d photos from the saved review, %d classified now%n",
                    shoot.restoredCount(), shoot.classifiedCount());
            if (roomOrder != null) {
                unknownRooms(
                        err, order, shoot); // the default names rooms of every model; only the agent's list is checked
            }
            shoot.loadCaptureTimes(shoot.readableFiles());
            ListingPlan plan = shoot.listingPlan(order, preset, pattern);
            return export(err, plan, target, records);
        } catch (OrganizeException e) {
            err.println("error: " + e.getMessage());
            failed = RoomNetCommand.EXIT_FILES;
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            failed = RoomNetCommand.EXIT_MODEL;
        } catch (ai.onnxruntime.OrtException e) {
            err.println("error: the model failed: " + e.getMessage());
            failed = RoomNetCommand.EXIT_MODEL;
        } catch (IOException e) {
            err.println("error: cannot read " + folder + ": " + e.getMessage());
            failed = RoomNetCommand.EXIT_FILES;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted; nothing was exported");
            failed = RoomNetCommand.EXIT_FILES;
        } finally {
            if (classifier != null) {
                classifier.close();
            }
        }
        return failed;
    }

    /**
     * The saved review, read once (one consistent save, whatever the app does meanwhile); null when the
     * export must stop: the file is refused (not a regular file, too large) or, unless
     * --ignore-damaged-review, has damaged lines.
     */
    private ReviewSnapshot readReview(PrintStream err, Path shoot) throws IOException {
        ReviewSnapshot saved;
        try {
            saved = ReviewSnapshot.read(shoot);
        } catch (ReviewFileException e) {
            err.println("error: " + e.getMessage() + " Nothing was exported.");
            return null;
        }
        if (saved.isDamaged()) {
            String what =
                    "the saved review " + ReviewSidecar.fileIn(shoot) + " has damaged lines: " + saved.damageSummary();
            if (!ignoreDamagedReview) {
                err.println("error: " + what + ". Their photos' labels, rejects, cover and order are unknown, so "
                        + "nothing was exported; --ignore-damaged-review exports with the good lines (the photos of "
                        + "the damaged ones get the model's label).");
                return null;
            }
            err.println("warning: " + what + "; going on with the good lines (--ignore-damaged-review)");
        }
        ReviewClaim.holder(shoot)
                .ifPresent(owner -> err.println("note: the shoot is open for review by "
                        + owner.describe() + "; exporting the review as last saved"
                        + (saved.generation() > 0 ? " (save " + saved.generation() + ")" : "")));
        return saved;
    }

    /** The shoot from its saved review alone; null when there is none (then the model must classify it). */
    private static Shoot openWithoutModel(ShootSource source, ReviewSnapshot saved) throws IOException {
        try {
            return Shoot.open(source, Optional.empty(), saved);
        } catch (IOException e) {
            if (Files.isDirectory(source.folder()) && Files.isReadable(source.folder())) {
                return null; // no saved review: classify with the model
            }
            throw e;
        }
    }

    private static void unknownRooms(PrintStream err, ListingOrder order, Shoot shoot) {
        order.rooms().stream()
                .filter(r -> !shoot.review().classNames().contains(r))
                .forEach(r -> err.println("warning: --room-order names " + r + ", which is not a room type of "
                        + shoot.review().classNames()));
    }

    private int export(PrintStream err, ListingPlan plan, ListingTarget target, ExportRecords records)
            throws InterruptedException {
        plan.unusable().forEach(s -> err.printf("  not exported %s: %s%n", s.file(), s.reason()));
        if (!plan.rejected().isEmpty()) {
            err.printf(
                    "  %d rejected photo%s left out%n",
                    plan.rejected().size(), plan.rejected().size() == 1 ? "" : "s");
        }
        if (plan.cuts()) {
            err.println("warning: " + plan.cutWarning());
        }
        if (plan.entries().isEmpty()) {
            err.println("error: no photo to export (every one is unreadable, damaged or rejected)");
            return RoomNetCommand.EXIT_FILES;
        }
        err.printf(
                "exporting %d photos (%s) into %s%s%n",
                plan.entries().size(),
                plan.preset().description(),
                target.folder(),
                target.replaces() ? ", replacing the earlier export" : "");
        AtomicBoolean cancelled = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancelled.set(true); // Ctrl+C: stop, and let the export remove what it wrote before the JVM goes
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        long start = System.nanoTime();
        try {
            ListingExporter exporter = threads != null
                    ? new ListingExporter(records, threads, Runtime.getRuntime().maxMemory() / 2)
                    : ListingExporter.withDefaults(records);
            ListingResult result = exporter.export(
                    plan,
                    target,
                    keepMetadata,
                    (done, total) -> {
                        if (done == total || done % 10 == 0) {
                            err.printf("  %d/%d%n", done, total);
                        }
                    },
                    cancelled);
            if (result.cancelled()) {
                err.println("cancelled; nothing was exported");
                return RoomNetCommand.EXIT_FILES;
            }
            result.notes().forEach(n -> err.println("  " + n));
            result.skipped().forEach(s -> err.printf("  skipped %s: %s%n", s.file(), s.reason()));
            double seconds = (System.nanoTime() - start) / 1e9;
            ListingEntry first =
                    result.written().isEmpty() ? null : result.written().get(0);
            err.printf(
                    "exported %d photos to %s in %.1f s (%.1f photos/s)%s%n",
                    result.written().size(),
                    result.folder(),
                    seconds,
                    result.written().size() / Math.max(1e-9, seconds),
                    first == null ? "" : "; first (the cover): " + first.name());
            return RoomNetCommand.EXIT_OK;
        } catch (ListingException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException ignored) {
                // the JVM is already going down (Ctrl+C)
            }
        }
    }
}
