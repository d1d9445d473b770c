package org.roomnet.cli;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.roomnet.core.classify.ClassifyOptions;
import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.listing.ListingOrder;
import org.roomnet.core.memory.MemoryBlend;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeException;
import org.roomnet.core.organize.OrganizeResult;
import org.roomnet.core.organize.Organizer;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.organize.Undoer;
import org.roomnet.core.report.CsvReport;
import org.roomnet.core.report.Report;
import org.roomnet.core.report.ReportRow;
import org.roomnet.core.report.ReportTarget;
import org.roomnet.core.report.XlsxReport;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.review.ReviewClaim;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.ReviewSnapshot;
import org.roomnet.core.util.Words;
import org.roomnet.core.workflow.OrganizeOutputs;
import org.roomnet.core.workflow.Shoot;
import org.roomnet.core.workflow.ShootFolder;
import org.roomnet.core.workflow.SortJob;
import org.roomnet.core.workflow.SortPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description =
                "Classify every photo in a folder; write CSV/XLSX; optionally copy or move them into room folders.")
public final class ClassifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<folder>", description = "the shoot folder (not recursive)")
    Path folder;

    @Option(
            names = {"-r", "--recursive"},
            description = "also classify photos in subfolders")
    boolean recursive;

    @Option(names = "--csv", paramLabel = "<file>", description = "write the results as CSV")
    Path csv;

    @Option(names = "--xlsx", paramLabel = "<file>", description = "write the results as an Excel workbook")
    Path xlsx;

    @Option(names = "--organize", paramLabel = "copy|move", description = "copy or move photos into <into>/<RoomType>/")
    TransferMode organize;

    @Option(
            names = "--into",
            paramLabel = "<dir>",
            description = "destination of --organize (default: <folder>_classified)")
    Path into;

    @Mixin
    ModelOptions models = new ModelOptions();

    @Option(names = "--force", description = "let --csv/--xlsx replace an existing file that is not a RoomNet report")
    boolean force;

    @Option(names = "--report-in-shoot", description = "allow --csv/--xlsx inside the folder being classified")
    boolean reportInShoot;

    @Option(names = "--include-damaged", description = "also organize damaged photos (a cut JPEG, say)")
    boolean includeDamaged;

    @Option(
            names = "--follow-links",
            description = "organize the file a symbolic link points to (default: leave links in place)")
    boolean followLinks;

    @Option(names = "--no-memory", description = "classify with the model alone, without the memory of reviewed photos")
    boolean noMemory;

    @Option(
            names = "--no-review",
            description = "with --organize: sort by the model's labels alone, not by the "
                    + "saved review of the app (default: the agent's labels, rejected photos left where they are)")
    boolean noReview;

    @Option(
            names = "--batch",
            defaultValue = ClassifyOptions.DEFAULT_BATCH + "",
            description = "photos per inference batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--threads", description = "decoding threads (default: number of cores)")
    Integer threads;

    /** The saved review that --organize follows; null without one, or with --no-review. */
    private ReviewSnapshot review;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (!Files.isDirectory(folder)) {
            err.println("error: not a folder: " + folder);
            return RoomNetCommand.EXIT_USAGE;
        }
        folder = CliSupport.shootFolder(folder);
        Interrupts.state("nothing was written or moved");
        if (into != null && organize == null) {
            err.println("error: --into needs --organize copy|move");
            return RoomNetCommand.EXIT_USAGE;
        }
        Integer refused = preflight(err);
        if (refused != null) {
            return refused;
        }
        List<Path> files;
        List<PhotoResult> unlisted;
        try {
            ShootFolder.Listing listing = ShootFolder.scan(folder, recursive);
            List<Path> reports = Arrays.asList(csv, xlsx);
            List<Path> outputs = recursive && organize != null ? organizeOutputs() : List.of();
            outputs.forEach(
                    o -> err.printf("  not classified: %s, the output of an organize run from this folder%n", o));
            files = listing.files().stream()
                    .filter(f -> !ReportTarget.isReportTarget(f, reports))
                    .filter(f -> !OrganizeOutputs.isIn(f, outputs))
                    .toList();
            unlisted = listing.problems().stream()
                    .filter(p -> !OrganizeOutputs.isIn(p.path(), outputs))
                    .map(p -> PhotoResult.failed(p.path(), p.reason()))
                    .toList();
        } catch (IOException e) {
            err.println("error: cannot list " + folder + ": " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        }
        try (RoomClassifier classifier = models.open(err)) {
            ProgressPrinter progress = new ProgressPrinter(err);
            MemoryBlend memory = MemorySupport.open(noMemory, classifier, models.modelFile(), err);
            Shoot shoot = Shoot.fresh(folder, files, classifier, memory);
            List<PhotoResult> results = shoot.classifyRest(ClassifyOptions.of(batch, threads), progress);
            shoot.addResults(results);
            shoot.addResults(unlisted);
            progress.finish();
            if (xlsx != null) {
                shoot.loadCaptureTimes(shoot.readableFiles()); // the Listing sheet orders a room's photos by them
            }
            Report report = shoot.report(ListingChecklist.DEFAULT, ListingOrder.DEFAULT);
            writeReports(report);
            Interrupts.state(
                    csv == null && xlsx == null ? "nothing was moved" : "the reports are written; nothing was moved");
            printSummary(err, report, progress);
            if (organize != null) {
                return organize(
                        err, review == null ? shoot : reviewed(err, classifier, memory, files, results), report);
            }
            return RoomNetCommand.EXIT_OK;
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_MODEL;
        } catch (OrtException e) {
            err.println("error: the model failed: " + e.getMessage());
            return RoomNetCommand.EXIT_MODEL;
        } catch (IOException e) {
            err.println("error: cannot write the report: " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        } catch (Exception e) {
            err.println("error: " + e);
            return RoomNetCommand.EXIT_FILES;
        }
    }

    /** What can be refused before any photo is classified: report targets, the destination, earlier runs. */
    private Integer preflight(PrintStream err) {
        try {
            ReportTarget.checkDistinct(csv, xlsx);
            for (Path report : new Path[] {csv, xlsx}) {
                if (report != null) {
                    ReportTarget.check(report, folder, force, reportInShoot);
                }
            }
        } catch (ReportTarget.RefusedException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_USAGE;
        }
        if (organize == null) {
            return null;
        }
        if (organize == TransferMode.MOVE) {
            var holder = ReviewClaim.holder(folder.toAbsolutePath().normalize());
            if (holder.isPresent()) {
                err.println("error: " + folder + " is open for review in RoomNet by "
                        + holder.get().describe()
                        + "; moving its photos now would pull them from under that window. Close the shoot there "
                        + "first (or use --organize copy). Nothing was classified or moved.");
                return RoomNetCommand.EXIT_FILES;
            }
        }
        Integer unusable = noReview ? null : readReview(err);
        if (unusable != null) {
            return unusable;
        }
        if (Files.exists(destination()) && !Files.isDirectory(destination())) {
            err.println("error: --into " + destination() + " is a file, not a folder; nothing was classified or moved");
            return RoomNetCommand.EXIT_USAGE;
        }
        try {
            new Organizer(JournalStore.defaultStore()).preflight(folder, destination());
            return null;
        } catch (OrganizeException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        }
    }

    /**
     * Reads the shoot's saved review once, for --organize to follow (null: it may go on). A review that cannot be
     * read, or has damaged lines, stops the run before anything is classified: a photo the agent rejected or
     * relabelled could be among the lost lines.
     */
    private Integer readReview(PrintStream err) {
        String instead = " Nothing was classified or moved; --no-review organizes by the model's labels alone.";
        try {
            ReviewSnapshot snapshot = ReviewSnapshot.read(folder);
            if (snapshot.isDamaged()) {
                err.println("error: the saved review " + ReviewSidecar.fileIn(folder) + " has damaged lines: "
                        + snapshot.damageSummary() + "; the agent's labels and rejects of their photos are unknown."
                        + instead);
                return RoomNetCommand.EXIT_FILES;
            }
            review = snapshot.saved().isPresent() ? snapshot : null;
        } catch (IOException e) {
            err.println("error: the saved review of " + folder + " cannot be read: " + e.getMessage() + instead);
            return RoomNetCommand.EXIT_FILES;
        }
        if (review != null) {
            ReviewClaim.holder(folder)
                    .ifPresent(owner -> err.println("note: the shoot is open for review by " + owner.describe()
                            + "; organizing by the review as last saved"));
        }
        return null;
    }

    /**
     * The shoot as the agent reviewed it, for --organize: the saved review's labels and rejects, and for the photos
     * it does not cover (new or changed since) the results just classified (nothing is classified twice).
     */
    private Shoot reviewed(
            PrintStream err, RoomClassifier classifier, MemoryBlend memory, List<Path> files, List<PhotoResult> results)
            throws IOException {
        Shoot reviewed = Shoot.reviewed(folder, files, classifier, review, memory);
        Set<Path> rest = Set.copyOf(reviewed.toClassify());
        reviewed.addResults(
                results.stream().filter(r -> rest.contains(r.file())).toList());
        if (!reviewed.problem().isEmpty()) {
            err.println("warning: " + reviewed.problem());
        }
        err.printf(
                "organizing as reviewed in %s: %d photos from the saved review, %d by the model (new or changed "
                        + "since; --no-review sorts by the model alone)%n",
                ReviewSidecar.fileIn(folder), reviewed.restoredCount(), reviewed.classifiedCount());
        return reviewed;
    }

    /** Room folders that this run or an earlier one (not undone) writes inside the shoot: an organize run never sorts them again. */
    private List<Path> organizeOutputs() {
        try {
            return OrganizeOutputs.inside(folder, destination(), new Undoer(JournalStore.defaultStore()).runs(folder));
        } catch (OrganizeException e) {
            return OrganizeOutputs.inside(folder, destination(), List.of());
        }
    }

    private Path destination() {
        return into != null ? into : SortPlan.defaultDestination(folder);
    }

    private void writeReports(Report report) throws IOException {
        if (csv != null) {
            CsvReport.write(report, csv);
        }
        if (xlsx != null) {
            XlsxReport.write(report, xlsx);
        }
        if (csv == null && xlsx == null && organize == null) {
            CsvReport.write(report, System.out);
        }
    }

    /** Sorts the shoot's review, which has no edits: every photo goes to the model's label. */
    private int organize(PrintStream err, Shoot shoot, Report report) {
        Path source = shoot.folder();
        if (!includeDamaged) {
            report.rows().stream()
                    .filter(ReportRow::isDamaged)
                    .forEach(r -> err.printf(
                            "  not organized %s: damaged (%s); --include-damaged organizes it%n",
                            source.resolve(r.file()), r.error()));
        }
        SortJob job = shoot.sortJob(organize, destination(), includeDamaged, followLinks);
        job.skipped().forEach(s -> err.printf("  not organized %s: %s%n", s.file(), s.reason()));
        job.rejected()
                .forEach(f -> err.printf("  not organized %s: rejected in the saved review, left where it is%n", f));
        err.printf(
                "%s %d photos into %s%n",
                organize == TransferMode.COPY ? "copying" : "moving", job.photos(), job.destination());
        Interrupts.state("what was already " + (organize == TransferMode.COPY ? "copied" : "moved")
                + " is put back by: roomnet undo " + source);
        try {
            OrganizeResult result = job.run(JournalStore.defaultStore(), (target, done, total) -> {
                if (done == total || done % 50 == 0) {
                    err.printf("  %d/%d%n", done, total);
                }
            });
            String left = job.rejected().isEmpty()
                    ? ""
                    : "; " + Words.plural(job.rejected().size(), "rejected photo") + " left in place";
            if (result.transferred() == 0) {
                err.println("nothing to organize: no file was copied or moved, and there is nothing to undo" + left);
            } else {
                err.printf(
                        "%s %d photos into %s%s; undo with: roomnet undo %s%n",
                        organize == TransferMode.COPY ? "copied" : "moved",
                        result.transferred(),
                        result.destination(),
                        left,
                        source);
            }
            return RoomNetCommand.EXIT_OK;
        } catch (OrganizeException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        }
    }

    private static void printSummary(PrintStream err, Report report, ProgressPrinter progress) {
        err.println("summary:");
        // a damaged photo is counted with the errors below, not in its room (it is not sorted or listed by default)
        for (Map.Entry<String, Integer> e : report.intactCountsByLabel().entrySet()) {
            err.printf("  %-11s %5d%n", e.getKey(), e.getValue());
        }
        err.printf("  %-11s %5d%n", "unreadable", report.unreadableCount());
        err.printf("  %-11s %5d%n", "damaged", report.damagedCount());
        report.rows().stream()
                .filter(r -> !r.isClassified())
                .forEach(r -> err.printf("  skipped %s: %s%n", r.file(), r.error()));
        report.rows().stream()
                .filter(ReportRow::isDamaged)
                .forEach(r -> err.printf("  damaged %s (%s): %s%n", r.file(), r.label(), r.error()));
        report.rows().stream()
                .filter(r -> !r.note().isEmpty())
                .forEach(r -> err.printf("  note %s: %s%n", r.file(), r.note()));
        err.printf(
                "%d files in %.1f s (%.1f photos/s)%n",
                report.rows().size(),
                progress.elapsedSeconds(),
                report.rows().size() / Math.max(1e-9, progress.elapsedSeconds()));
    }
}
