package org.roomnet.app.main;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.dialogs.UnreviewedChoice;
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
import org.roomnet.core.workflow.Shoot;
import org.roomnet.core.workflow.SortJob;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the agent does with a review: export it as XLSX, sort the photos into folders, undo that.
 * Export and sort first say how many photos are not reviewed yet, and offer to show them. UI thread.
 */
public final class ShootActions {

    private final MainViewModel main;
    private final TaskExecutor executor;
    private final AppDialogs dialogs;
    private final JournalStore journals;
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();

    ShootActions(MainViewModel main, TaskExecutor executor, AppDialogs dialogs, JournalStore journals) {
        this.main = main;
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
        Shoot shoot = main.shoot();
        if (shoot == null || working.get() || !unreviewedSettled("Export")) {
            return;
        }
        Path folder = shoot.folder();
        dialogs.chooseXlsxTarget(folder.getParent(), folder.getFileName() + "-rooms.xlsx").ifPresent(this::exportXlsx);
    }

    /** Writes the review as it stands to {@code target}, in the background. */
    public void exportXlsx(Path target) {
        Shoot shoot = main.shoot();
        if (shoot == null) {
            return;
        }
        Report report = shoot.report(main.checklist().checklist(), main.listing().order());
        start("Exporting " + target.getFileName() + "\u2026");
        executor.execute(() -> {
            XlsxReport.write(report, target);
            return target;
        }, written -> {
            finish();
            String missing = report.missingListingRooms().isEmpty() ? ""
                    : " No photo of: " + String.join(", ", report.missingListingRooms()) + ".";
            main.statusModel().show("Exported " + MainViewModel.plural(report.rows().size(), "file") + " to "
                    + written + "." + missing, false);
        }, e -> {
            finish();
            main.statusModel().show("Export failed: " + e.getMessage(), true);
            dialogs.showError("Export failed", "The workbook could not be written to " + target + ":\n" + e.getMessage());
        });
    }

    /** File > Sort into Folders: after the unreviewed photos are settled, says what will happen, then sorts. */
    public void sortIntoFolders() {
        Shoot shoot = main.shoot();
        if (shoot == null || working.get() || main.classifyingProperty().get() || refusedReadOnly()
                || !unreviewedSettled("Sort")) {
            return;
        }
        dialogs.askSort(shoot.sortPlan()).ifPresent(this::sort);
    }

    /** Sorting moves the photos of a shoot another window has open: only its claim holder may. */
    private boolean refusedReadOnly() {
        if (main.isReadOnly()) {
            main.statusModel().show("Sorting is for the window that has the shoot open for review: "
                    + main.claimNoticeProperty().get(), true);
            return true;
        }
        return false;
    }

    /** True when there is nothing to review or the agent goes on anyway; "show them" shows them. */
    boolean unreviewedSettled(String action) {
        int unreviewed = main.counts().unreviewed();
        if (unreviewed == 0) {
            return true;
        }
        UnreviewedChoice choice = dialogs.askUnreviewed(action, unreviewed, main.counts().photosProperty().get());
        if (choice == UnreviewedChoice.SHOW_THEM) {
            main.photos().showUnreviewed();
        }
        return choice == UnreviewedChoice.GO_ON;
    }

    /**
     * Copies or moves every readable photo into {@code <destination>/<final label>/}. After a move the
     * shoot is opened again as its folder now is: the moved photos leave the window (their review
     * stays in the sidecar, so that {@link #undoLastSort} brings them back with the agent's labels).
     */
    public void sort(SortRequest request) {
        Shoot shoot = main.shoot();
        if (shoot == null) {
            return;
        }
        SortJob job = shoot.sortJob(request.mode(), request.destination());
        Path folder = shoot.folder();
        String verb = request.mode() == TransferMode.COPY ? "Copying" : "Moving";
        start(verb + " " + MainViewModel.plural(job.photos(), "photo") + "\u2026");
        UiBatcher<int[]> progress = new UiBatcher<>(executor, batch -> {
            int[] last = batch.get(batch.size() - 1);
            main.statusModel().progress((double) last[0] / last[1], String.format("%s %,d of %,d", verb, last[0], last[1]));
        });
        executor.execute(() -> job.run(journals, (target, done, total) -> progress.post(new int[]{done, total})),
                result -> sorted(result, folder), e -> {
                    finish();
                    main.statusModel().show("Sorting failed: " + e.getMessage(), true);
                    dialogs.showError("Sorting failed", e.getMessage());
                });
    }

    private void sorted(OrganizeResult result, Path folder) {
        finish();
        String text = describe(result);
        if (result.mode() == TransferMode.MOVE) {
            if (folder.equals(main.folder())) {
                main.reopen(text + " File \u203a Undo Last Sort puts them back.");
            }
            dialogs.showInfo("Photos sorted", text + "\n\nThe photos have left the shoot folder, so they are no "
                    + "longer shown here. File \u203a Undo Last Sort puts them back, with your labels.");
        } else {
            main.statusModel().show(text, false);
            dialogs.showInfo("Photos sorted", text + "\n\nFile \u203a Undo Last Sort puts everything back.");
        }
    }

    static String describe(OrganizeResult result) {
        String rooms = result.perRoomType().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return String.format("%s %s into %s (%s).", result.mode() == TransferMode.COPY ? "Copied" : "Moved",
                MainViewModel.plural(result.transferred(), "photo"), result.destination(), rooms);
    }

    /**
     * File > Undo Last Sort: after asking, puts the files of the last sort of this folder back, then
     * opens the shoot again, so that photos moved back are shown with their saved review. Files left
     * in place on purpose (a copy that differs from its photo, a folder holding other files) are a
     * warning, not an error: nothing is lost.
     */
    public void undoLastSort() {
        Path folder = main.folder();
        if (folder == null || working.get() || refusedReadOnly()) {
            return;
        }
        if (!dialogs.confirm("Undo the last sort?", "The last sort of " + folder + " is undone: copies are removed, "
                + "moved photos go back into the shoot folder, and folders it created are removed when empty.")) {
            return;
        }
        start("Undoing the last sort\u2026");
        executor.execute(() -> new Undoer(journals).undoLast(folder), (UndoResult result) -> undone(result, folder), e -> {
            finish();
            main.statusModel().show("Undo of the sort failed: " + e.getMessage(), true);
            dialogs.showError("Cannot undo the sort", e.getMessage());
        });
    }

    private void undone(UndoResult result, Path folder) {
        finish();
        String text = "Undid the last sort: " + result.summary() + "."
                + (result.problems().isEmpty() ? "" : " " + MainViewModel.plural(result.problems().size(), "item")
                + " left in place.")
                + (result.notWritten().isEmpty() ? "" : " Also " + result.notWrittenSummary() + " (left as they are).");
        if (folder.equals(main.folder())) {
            main.reopen(text);
        } else {
            main.statusModel().show(text, !result.complete());
        }
        String left = String.join("\n", result.problems());
        if (!result.complete()) {
            dialogs.showError("Sort partly undone", text + "\nNot every file could be put back; once the cause is "
                    + "fixed, File \u203a Undo Last Sort finishes the job:\n" + left);
        } else if (result.problems().isEmpty()) {
            dialogs.showInfo("Sort undone", text);
        } else {
            dialogs.showWarning("Sort undone, some files left in place", text + "\nNothing was deleted that was not "
                    + "an exact copy; these were left as they are:\n" + left);
        }
    }

    private void start(String text) {
        working.set(true);
        main.statusModel().progress(-1, text);
    }

    private void finish() {
        working.set(false);
        main.statusModel().clearProgress();
    }
}
