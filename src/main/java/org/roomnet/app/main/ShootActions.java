package org.roomnet.app.main;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.sort.SortRequest;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.app.task.UiBatcher;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeResult;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.organize.UndoResult;
import org.roomnet.core.organize.Undoer;
import org.roomnet.core.report.Report;
import org.roomnet.core.report.XlsxReport;
import org.roomnet.core.util.Words;
import org.roomnet.core.workflow.Shoot;
import org.roomnet.core.workflow.SortJob;

/**
 * What the agent does with a review: export it as XLSX, sort the photos into folders, undo that.
 * Export and sort first say how many photos are not reviewed yet, and offer to show them. UI thread.
 */
public final class ShootActions {

    private final ReadOnlyObjectProperty<Shoot> shoot;
    private final ShootLoader loader;
    private final ChecklistModel checklist;
    private final ListingModel listing;
    private final UnreviewedGate unreviewed;
    private final StatusModel status;
    private final Consumer<String> reopen;
    private final TaskExecutor executor;
    private final AppDialogs dialogs;
    private final JournalStore journals;
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();

    /**
     * @param loader the open shoot: it, its folder, whether it is classifying or read-only
     * @param reopen opens the shoot again as its folder now is, saying the text once it is open
     */
    ShootActions(
            ShootLoader loader,
            ChecklistModel checklist,
            ListingModel listing,
            UnreviewedGate unreviewed,
            StatusModel status,
            Consumer<String> reopen,
            TaskExecutor executor,
            AppDialogs dialogs,
            JournalStore journals) {
        this.shoot = loader.shootProperty();
        this.loader = loader;
        this.checklist = checklist;
        this.listing = listing;
        this.unreviewed = unreviewed;
        this.status = status;
        this.reopen = reopen;
        this.executor = executor;
        this.dialogs = dialogs;
        this.journals = journals;
    }

    /** Exporting, sorting or undoing a sort. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** File > Export XLSX: after the unreviewed photos are settled, asks where, then writes the review. */
    public void exportXlsx() {
        Shoot shoot = this.shoot.get();
        if (shoot == null || working.get() || !unreviewed.settled("Export")) {
            return;
        }
        Path folder = shoot.folder();
        dialogs.chooseXlsxTarget(folder.getParent(), folder.getFileName() + "-rooms.xlsx")
                .ifPresent(this::exportXlsx);
    }

    /** Writes the review as it stands to {@code target}, in the background. */
    public void exportXlsx(Path target) {
        Shoot shoot = this.shoot.get();
        if (shoot == null) {
            return;
        }
        Report report = shoot.report(checklist.checklist(), listing.order());
        start("Exporting " + target.getFileName() + "\u2026");
        executor.execute(
                () -> {
                    XlsxReport.write(report, target);
                    return target;
                },
                written -> {
                    finish();
                    String missing = report.missingListingRooms().isEmpty()
                            ? ""
                            : " No photo of: " + String.join(", ", report.missingListingRooms()) + ".";
                    status.show(
                            "Exported " + Words.plural(report.rows().size(), "file") + " to " + written + "." + missing,
                            false);
                },
                e -> {
                    finish();
                    status.show("Export failed: " + e.getMessage(), true);
                    dialogs.showError(
                            "Export failed", "The workbook could not be written to " + target + ":\n" + e.getMessage());
                });
    }

    /** File > Sort into Folders: after the unreviewed photos are settled, says what will happen, then sorts. */
    public void sortIntoFolders() {
        Shoot shoot = this.shoot.get();
        if (shoot == null
                || working.get()
                || loader.classifyingProperty().get()
                || refusedReadOnly()
                || !unreviewed.settled("Sort")) {
            return;
        }
        dialogs.askSort(shoot.sortPlan()).ifPresent(this::sort);
    }

    /** Sorting moves the photos of a shoot another window has open: only its claim holder may. */
    private boolean refusedReadOnly() {
        if (loader.readOnlyProperty().get()) {
            status.show(
                    "Sorting is for the window that has the shoot open for review: "
                            + loader.claimNoticeProperty().get(),
                    true);
            return true;
        }
        return false;
    }

    /**
     * Copies or moves every readable photo the agent did not reject into {@code <destination>/<final label>/}.
     * After a move the shoot is opened again as its folder now is: the moved photos leave the window (their review
     * stays in the sidecar, so that {@link #undoLastSort} brings them back with the agent's labels).
     */
    public void sort(SortRequest request) {
        Shoot shoot = this.shoot.get();
        if (shoot == null) {
            return;
        }
        SortJob job = shoot.sortJob(request.mode(), request.destination());
        Path folder = shoot.folder();
        String verb = request.mode() == TransferMode.COPY ? "Copying" : "Moving";
        start(verb + " " + Words.plural(job.photos(), "photo") + "\u2026");
        UiBatcher<int[]> progress = new UiBatcher<>(executor, batch -> {
            int[] last = batch.get(batch.size() - 1);
            status.progress((double) last[0] / last[1], String.format("%s %,d of %,d", verb, last[0], last[1]));
        });
        int rejected = job.rejected().size();
        executor.execute(
                () -> job.run(journals, (target, done, total) -> progress.post(new int[] {done, total})),
                result -> sorted(result, folder, rejected),
                e -> {
                    finish();
                    status.show("Sorting failed: " + e.getMessage(), true);
                    dialogs.showError("Sorting failed", e.getMessage());
                });
    }

    private void sorted(OrganizeResult result, Path folder, int rejected) {
        finish();
        String text = describe(result)
                + (rejected == 0
                        ? ""
                        : " " + Words.plural(rejected, "rejected photo") + (rejected == 1 ? " stays" : " stay")
                                + " in the shoot folder.");
        if (result.mode() == TransferMode.MOVE) {
            if (folder.equals(loader.folderProperty().get())) {
                reopen.accept(text + " File \u203a Undo Last Sort puts them back.");
            }
            dialogs.showInfo(
                    "Photos sorted",
                    text + "\n\nThe photos have left the shoot folder, so they are no "
                            + "longer shown here. File \u203a Undo Last Sort puts them back, with your labels.");
        } else {
            status.show(text, false);
            dialogs.showInfo("Photos sorted", text + "\n\nFile \u203a Undo Last Sort puts everything back.");
        }
    }

    static String describe(OrganizeResult result) {
        String rooms = result.perRoomType().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return String.format(
                "%s %s into %s (%s).",
                result.mode() == TransferMode.COPY ? "Copied" : "Moved",
                Words.plural(result.transferred(), "photo"),
                result.destination(),
                rooms);
    }

    /**
     * File > Undo Last Sort: after asking, puts the files of the last sort of this folder back, then
     * opens the shoot again, so that photos moved back are shown with their saved review. Files left
     * in place on purpose (a copy that differs from its photo, a folder holding other files) are a
     * warning, not an error: nothing is lost.
     */
    public void undoLastSort() {
        Path folder = loader.folderProperty().get();
        if (folder == null || working.get() || refusedReadOnly()) {
            return;
        }
        if (!dialogs.confirm(
                "Undo the last sort?",
                "The last sort of " + folder + " is undone: copies are removed, "
                        + "moved photos go back into the shoot folder, and folders it created are removed when empty.")) {
            return;
        }
        start("Undoing the last sort\u2026");
        executor.execute(
                () -> new Undoer(journals).undoLast(folder), (UndoResult result) -> undone(result, folder), e -> {
                    finish();
                    status.show("Undo of the sort failed: " + e.getMessage(), true);
                    dialogs.showError("Cannot undo the sort", e.getMessage());
                });
    }

    private void undone(UndoResult result, Path folder) {
        finish();
        String text = "Undid the last sort: " + result.summary() + "."
                + (result.problems().isEmpty()
                        ? ""
                        : " " + Words.plural(result.problems().size(), "item") + " left in place.")
                + (result.notWritten().isEmpty() ? "" : " Also " + result.notWrittenSummary() + " (left as they are).");
        if (folder.equals(loader.folderProperty().get())) {
            reopen.accept(text);
        } else {
            status.show(text, !result.complete());
        }
        String left = String.join("\n", result.problems());
        if (!result.complete()) {
            dialogs.showError(
                    "Sort partly undone",
                    text + "\nNot every file could be put back; once the cause is "
                            + "fixed, File \u203a Undo Last Sort finishes the job:\n" + left);
        } else if (result.problems().isEmpty()) {
            dialogs.showInfo("Sort undone", text);
        } else {
            dialogs.showWarning(
                    "Sort undone, some files left in place",
                    text + "\nNothing was deleted that was not " + "an exact copy; these were left as they are:\n"
                            + left);
        }
    }

    private void start(String text) {
        working.set(true);
        status.progress(-1, text);
    }

    private void finish() {
        working.set(false);
        status.clearProgress();
    }
}
