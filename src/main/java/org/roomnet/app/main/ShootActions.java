package org.roomnet.app.main;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.sort.SortPlan;
import org.roomnet.app.sort.SortRequest;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.app.task.UiBatcher;
import org.roomnet.core.organize.Assignment;
import org.roomnet.core.organize.AssignmentPolicy;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeResult;
import org.roomnet.core.organize.Organizer;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.organize.UndoResult;
import org.roomnet.core.organize.Undoer;
import org.roomnet.core.report.Report;
import org.roomnet.core.report.XlsxReport;
import org.roomnet.core.review.Review;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the agent does with a finished review: export it as XLSX, sort the photos into folders, undo that. */
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

    /** File > Export XLSX: asks where, then writes the review. */
    public void exportXlsx() {
        if (main.review().isEmpty() || working.get()) {
            return;
        }
        Path folder = main.folder();
        dialogs.chooseXlsxTarget(folder.getParent(), folder.getFileName() + "-rooms.xlsx").ifPresent(this::exportXlsx);
    }

    /** Writes the review as it stands to {@code target}, in the background. */
    public void exportXlsx(Path target) {
        Review review = main.review().orElse(null);
        if (review == null) {
            return;
        }
        Report report = review.toReport();
        start("Exporting " + target.getFileName() + "…");
        executor.execute(() -> {
            XlsxReport.write(report, target);
            return target;
        }, written -> {
            finish();
            String warnings = report.missingEssentialRooms().isEmpty() ? ""
                    : " No photo of: " + String.join(", ", report.missingEssentialRooms()) + ".";
            main.statusModel().show("Exported " + MainViewModel.plural(report.rows().size(), "file") + " to "
                    + written + "." + warnings, false);
        }, e -> {
            finish();
            main.statusModel().show("Export failed: " + e.getMessage(), true);
            dialogs.showError("Export failed", "The workbook could not be written to " + target + ":\n" + e.getMessage());
        });
    }

    /** File > Sort into Folders: says what will happen, then copies or moves in the background. */
    public void sortIntoFolders() {
        Review review = main.review().orElse(null);
        if (review == null || working.get() || main.classifyingProperty().get()) {
            return;
        }
        dialogs.askSort(SortPlan.of(review)).ifPresent(this::sort);
    }

    /**
     * Copies or moves every readable photo into {@code <destination>/<final label>/}. After a move the
     * shoot is opened again as its folder now is: the moved photos leave the window (their review
     * stays in the sidecar, so that {@link #undoLastSort} brings them back with the agent's labels).
     */
    public void sort(SortRequest request) {
        Review review = main.review().orElse(null);
        if (review == null) {
            return;
        }
        main.saveNow();
        // symbolic links stay where they are (the app has no --follow-links)
        List<Assignment> assignments = AssignmentPolicy.apply(review.assignments(), false).assignments();
        Path folder = review.folder();
        String verb = request.mode() == TransferMode.COPY ? "Copying" : "Moving";
        start(verb + " " + MainViewModel.plural(assignments.size(), "photo") + "…");
        UiBatcher<int[]> progress = new UiBatcher<>(executor, batch -> {
            int[] last = batch.get(batch.size() - 1);
            main.statusModel().progress((double) last[0] / last[1], String.format("%s %,d of %,d", verb, last[0], last[1]));
        });
        executor.execute(() -> new Organizer(journals).organize(folder, request.destination(), request.mode(),
                assignments, (target, done, total) -> progress.post(new int[]{done, total})), result -> {
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
        }, e -> {
            finish();
            main.statusModel().show("Sorting failed: " + e.getMessage(), true);
            dialogs.showError("Sorting failed", e.getMessage());
        });
    }

    static String describe(OrganizeResult result) {
        String rooms = result.perRoomType().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        return String.format("%s %s into %s (%s).", result.mode() == TransferMode.COPY ? "Copied" : "Moved",
                MainViewModel.plural(result.transferred(), "photo"), result.destination(), rooms);
    }

    /**
     * File > Undo Last Sort: after asking, puts the files of the last sort of this folder back, then
     * opens the shoot again, so that photos moved back are shown with their saved review.
     */
    public void undoLastSort() {
        Path folder = main.folder();
        if (folder == null || working.get()) {
            return;
        }
        if (!dialogs.confirm("Undo the last sort?", "The last sort of " + folder + " is undone: copies are removed, "
                + "moved photos go back into the shoot folder, and folders it created are removed when empty.")) {
            return;
        }
        start("Undoing the last sort…");
        executor.execute(() -> new Undoer(journals).undoLast(folder), (UndoResult result) -> {
            finish();
            String text = "Undid the last sort: " + MainViewModel.plural(result.restored(), "file") + " put back.";
            if (folder.equals(main.folder())) {
                main.reopen(text);
            } else {
                main.statusModel().show(text, !result.problems().isEmpty());
            }
            if (result.problems().isEmpty()) {
                dialogs.showInfo("Sort undone", text);
            } else {
                dialogs.showError("Sort partly undone", text + "\nLeft alone:\n" + String.join("\n", result.problems()));
            }
        }, e -> {
            finish();
            main.statusModel().show("Undo of the sort failed: " + e.getMessage(), true);
            dialogs.showError("Cannot undo the sort", e.getMessage());
        });
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
