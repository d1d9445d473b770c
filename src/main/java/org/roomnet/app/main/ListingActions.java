package org.roomnet.app.main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.dialogs.ExistingFolderChoice;
import org.roomnet.app.dialogs.ListingRequest;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.app.task.UiBatcher;
import org.roomnet.app.util.UserSettings;
import org.roomnet.core.listing.ExportRecords;
import org.roomnet.core.listing.ListingException;
import org.roomnet.core.listing.ListingExporter;
import org.roomnet.core.listing.ListingPlan;
import org.roomnet.core.listing.ListingResult;
import org.roomnet.core.listing.ListingTarget;
import org.roomnet.core.listing.NamePattern;
import org.roomnet.core.util.Words;
import org.roomnet.core.workflow.Shoot;

/**
 * File › Export for Listing: after the unreviewed photos are settled and the capture times read, asks
 * where and how, settles an export folder that is not empty (a new folder, or replacing an earlier
 * export), warns before a preset's cap leaves photos out, then exports in the background with progress
 * and Cancel. UI thread.
 */
public final class ListingActions {

    private final ReadOnlyObjectProperty<Shoot> shoot;
    private final ListingModel listing;
    private final UnreviewedGate unreviewed;
    private final StatusModel status;
    private final BooleanSupplier busy;
    private final TaskExecutor executor;
    private final AppDialogs dialogs;
    private final UserSettings settings;
    private final ExportRecords records;
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper();
    private AtomicBoolean cancelled = new AtomicBoolean();

    /**
     * @param shoot the open shoot
     * @param busy  whether the window is busy with something else (opening, classifying, sorting)
     */
    ListingActions(
            ReadOnlyObjectProperty<Shoot> shoot,
            ListingModel listing,
            UnreviewedGate unreviewed,
            StatusModel status,
            BooleanSupplier busy,
            TaskExecutor executor,
            AppDialogs dialogs,
            UserSettings settings,
            ExportRecords records) {
        this.shoot = shoot;
        this.listing = listing;
        this.unreviewed = unreviewed;
        this.status = status;
        this.busy = busy;
        this.executor = executor;
        this.dialogs = dialogs;
        this.settings = settings;
        this.records = records;
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    public void exportForListing() {
        Shoot shoot = this.shoot.get();
        if (shoot == null || working.get() || busy.getAsBoolean() || !unreviewed.settled("Export")) {
            return;
        }
        List<Path> files = shoot.readableFiles();
        working.set(true);
        status.progress(-1, "Reading capture times\u2026");
        executor.execute(
                () -> {
                    shoot.loadCaptureTimes(files);
                    return null;
                },
                done -> ask(shoot),
                e -> ask(shoot));
    }

    private void ask(Shoot shoot) {
        finish();
        if (shoot != this.shoot.get()) {
            return;
        }
        NamePattern names = pattern(settings.namePattern());
        ListingPlan preview = shoot.listingPlan(listing.order(), settings.listingPreset(), names);
        Optional<ListingRequest> answer = dialogs.askListingExport(
                ListingTarget.defaultFolder(shoot.folder()),
                settings.listingPreset(),
                names.pattern(),
                summary(preview));
        if (answer.isEmpty()) {
            return;
        }
        ListingRequest request = answer.get();
        settings.saveListingExport(request.preset(), request.names());
        Optional<ListingTarget> target = target(request.folder(), shoot.folder());
        if (target.isEmpty()) {
            return;
        }
        ListingPlan plan = shoot.listingPlan(listing.order(), request.preset(), request.names());
        if (plan.entries().isEmpty()) {
            dialogs.showError(
                    "Nothing to export",
                    "No photo can go into the listing: every one is rejected, damaged or " + "unreadable.");
            return;
        }
        if (plan.cuts() && !dialogs.confirm("Some photos will be left out", plan.cutWarning())) {
            return;
        }
        run(plan, target.get(), request.keepMetadata());
    }

    /** "23 photos go, the cover first (DSC_0012.jpg); 2 rejected and 1 unreadable are left out." */
    static String summary(ListingPlan plan) {
        int all = plan.entries().size() + plan.cut().size();
        String cover = plan.entries().stream()
                .filter(e -> e.cover())
                .findFirst()
                .map(e -> ", the cover first (" + e.source().getFileName() + ")")
                .orElse(", no cover chosen (C marks one)");
        List<String> out = new java.util.ArrayList<>();
        if (!plan.rejected().isEmpty()) {
            out.add(plan.rejected().size() + " rejected");
        }
        if (!plan.unusable().isEmpty()) {
            out.add(plan.unusable().size() + " unreadable or damaged");
        }
        String left = out.isEmpty() ? "" : "; " + String.join(" and ", out) + " left out";
        return Words.plural(all, "photo") + " in the listing" + cover + left + ".";
    }

    private static NamePattern pattern(String saved) {
        try {
            return new NamePattern(saved);
        } catch (IllegalArgumentException e) {
            return NamePattern.defaultPattern();
        }
    }

    /** The folder as chosen, or, when it holds files, a new one beside it or the earlier export replaced. */
    private Optional<ListingTarget> target(Path folder, Path shoot) {
        try {
            return Optional.of(ListingTarget.choose(folder, shoot, false, records));
        } catch (ListingException refused) {
            if (!Files.isDirectory(folder)) {
                dialogs.showError("Cannot export there", refused.getMessage());
                return Optional.empty();
            }
            Optional<ListingTarget> replace;
            try {
                replace = Optional.of(ListingTarget.choose(folder, shoot, true, records));
            } catch (ListingException notOurs) {
                replace = Optional.empty();
            }
            Path fresh = ListingTarget.freeName(folder);
            ExistingFolderChoice choice =
                    dialogs.askExistingFolder(folder, fresh, refused.getMessage(), replace.isPresent());
            try {
                return switch (choice) {
                    case NEW_FOLDER -> Optional.of(ListingTarget.choose(fresh, shoot, false, records));
                    case REPLACE -> replace;
                    case CANCEL -> Optional.empty();
                };
            } catch (ListingException e) {
                dialogs.showError("Cannot export there", e.getMessage());
                return Optional.empty();
            }
        }
    }

    private void run(ListingPlan plan, ListingTarget target, boolean keepMetadata) {
        working.set(true);
        cancelled = new AtomicBoolean();
        AtomicBoolean stop = cancelled;
        status.progress(0, "Exporting for the listing\u2026");
        UiBatcher<int[]> progress = new UiBatcher<>(executor, batch -> {
            int[] last = batch.get(batch.size() - 1);
            if (working.get()) {
                status.progress((double) last[0] / last[1], String.format("Exporting %,d of %,d", last[0], last[1]));
            }
        });
        ListingExporter exporter = ListingExporter.withDefaults(records);
        executor.execute(
                () -> exporter.export(
                        plan, target, keepMetadata, (done, total) -> progress.post(new int[] {done, total}), stop),
                this::exported,
                e -> {
                    finish();
                    status.show("Export for the listing failed: " + e.getMessage(), true);
                    dialogs.showError(
                            "Export failed",
                            e.getMessage() + "\n\nNothing was written; the photos of the shoot are " + "untouched.");
                });
    }

    private void exported(ListingResult result) {
        finish();
        if (result.cancelled()) {
            status.show("Export for the listing cancelled; nothing was written.", false);
            return;
        }
        String text = "Exported " + Words.plural(result.written().size(), "photo") + " to " + result.folder() + ".";
        status.show(text, !result.skipped().isEmpty());
        if (result.skipped().isEmpty()) {
            dialogs.showInfo(
                    "Exported for the listing", text + "\n\nUpload them in file-name order: the first is the cover.");
        } else {
            dialogs.showWarning(
                    "Exported, some photos skipped",
                    text + "\nThese could not be exported:\n"
                            + result.skipped().stream()
                                    .map(s -> s.file().getFileName() + ": " + s.reason())
                                    .collect(Collectors.joining("\n")));
        }
    }

    /** Stops a running export; what it wrote so far is removed. */
    public void cancel() {
        cancelled.set(true);
    }

    private void finish() {
        working.set(false);
        status.clearProgress();
    }
}
