package org.roomnet.cli;

import org.roomnet.core.classify.ModelLoadException;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeException;
import org.roomnet.core.organize.OrganizeResult;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.report.CsvReport;
import org.roomnet.core.report.Report;
import org.roomnet.core.report.XlsxReport;
import org.roomnet.core.review.ListingChecklist;
import org.roomnet.core.shoot.ShootClassifier;
import org.roomnet.core.shoot.ShootFolder;
import org.roomnet.core.workflow.Shoot;
import org.roomnet.core.workflow.SortJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify every photo in a folder; write CSV/XLSX; optionally copy or move them into room folders.")
public final class ClassifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<folder>", description = "the shoot folder (not recursive)")
    Path folder;

    @Option(names = {"-r", "--recursive"}, description = "also classify photos in subfolders")
    boolean recursive;

    @Option(names = "--csv", paramLabel = "<file>", description = "write the results as CSV")
    Path csv;

    @Option(names = "--xlsx", paramLabel = "<file>", description = "write the results as an Excel workbook")
    Path xlsx;

    @Option(names = "--organize", paramLabel = "copy|move", description = "copy or move photos into <into>/<RoomType>/")
    TransferMode organize;

    @Option(names = "--into", paramLabel = "<dir>", description = "destination of --organize (default: <folder>_classified)")
    Path into;

    @Option(names = "--model", paramLabel = "<file.onnx>", description = "model file (default: the shipped model/roomnet.onnx)")
    Path model;

    @Option(names = "--provider", paramLabel = "auto|cpu|cuda", defaultValue = "auto",
            description = "execution provider (default: ${DEFAULT-VALUE}: CUDA when usable, else CPU)")
    String provider;

    @Option(names = "--batch", defaultValue = "16", description = "photos per inference batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--threads", description = "decoding threads (default: number of cores)")
    Integer threads;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (!Files.isDirectory(folder)) {
            err.println("error: not a folder: " + folder);
            return RoomNetCommand.EXIT_USAGE;
        }
        if (into != null && organize == null) {
            err.println("error: --into needs --organize copy|move");
            return RoomNetCommand.EXIT_USAGE;
        }
        List<Path> files;
        try {
            files = ShootFolder.list(folder, recursive);
        } catch (IOException e) {
            err.println("error: cannot list " + folder + ": " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        }
        Path modelFile;
        try {
            modelFile = CliSupport.resolveModel(model);
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_MODEL;
        }
        try (RoomClassifier classifier = RoomClassifier.open(modelFile, ProviderPreference.parse(provider))) {
            CliSupport.printProvider(err, classifier, modelFile);
            ShootClassifier pipeline = new ShootClassifier(classifier, batch,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors());
            ProgressPrinter progress = new ProgressPrinter(err);
            Shoot shoot = Shoot.fresh(folder, files, classifier);
            shoot.addResults(shoot.classify(pipeline, progress));
            progress.finish();
            Report report = shoot.report(ListingChecklist.DEFAULT);
            writeReports(report);
            printSummary(err, report, progress);
            if (organize != null) {
                return organize(err, shoot);
            }
            return RoomNetCommand.EXIT_OK;
        } catch (ModelLoadException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_MODEL;
        } catch (IOException e) {
            err.println("error: cannot write the report: " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        } catch (Exception e) {
            err.println("error: " + e);
            return RoomNetCommand.EXIT_FILES;
        }
    }

    private void writeReports(Report report) throws IOException {
        if (csv != null) {
            CsvReport.write(report, csv);
        }
        if (xlsx != null) {
            XlsxReport.write(report, xlsx);
        }
        if (csv == null && xlsx == null && organize == null) {
            Path tmp = Files.createTempFile("roomnet", ".csv");
            try {
                CsvReport.write(report, tmp);
                System.out.print(Files.readString(tmp));
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Sorts the shoot's review, which has no edits: every photo goes to the model's label. */
    private int organize(PrintStream err, Shoot shoot) {
        Path source = shoot.folder();
        SortJob job = shoot.sortJob(organize, into != null ? into : shoot.sortPlan().defaultDestination());
        err.printf("%s %d photos into %s%n", organize == TransferMode.COPY ? "copying" : "moving",
                job.photos(), job.destination());
        try {
            OrganizeResult result = job.run(JournalStore.defaultStore(), (target, done, total) -> {
                if (done == total || done % 50 == 0) {
                    err.printf("  %d/%d%n", done, total);
                }
            });
            err.printf("%s %d photos into %s; undo with: roomnet undo %s%n",
                    organize == TransferMode.COPY ? "copied" : "moved", result.transferred(), result.destination(), source);
            return RoomNetCommand.EXIT_OK;
        } catch (OrganizeException e) {
            err.println("error: " + e.getMessage());
            return RoomNetCommand.EXIT_FILES;
        }
    }

    private static void printSummary(PrintStream err, Report report, ProgressPrinter progress) {
        err.println("summary:");
        for (Map.Entry<String, Integer> e : report.countsByLabel().entrySet()) {
            err.printf("  %-11s %5d%n", e.getKey(), e.getValue());
        }
        err.printf("  %-11s %5d%n", "unreadable", report.unreadableCount());
        report.rows().stream().filter(r -> !r.isClassified())
                .forEach(r -> err.printf("  skipped %s: %s%n", r.file(), r.error()));
        err.printf("%d files in %.1f s (%.1f photos/s)%n", report.rows().size(), progress.elapsedSeconds(),
                report.rows().size() / Math.max(1e-9, progress.elapsedSeconds()));
    }
}
