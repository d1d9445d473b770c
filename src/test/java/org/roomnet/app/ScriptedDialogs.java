package org.roomnet.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.roomnet.app.dialogs.AppDialogs;
import org.roomnet.app.dialogs.ExistingFolderChoice;
import org.roomnet.app.dialogs.KeyHelp;
import org.roomnet.app.dialogs.ListingRequest;
import org.roomnet.app.dialogs.UnreviewedChoice;
import org.roomnet.app.sort.SortRequest;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.workflow.SortPlan;

/** Answers the app's questions from fields a test sets, and records what the app told the user. */
public final class ScriptedDialogs implements AppDialogs {

    public volatile Path folder;
    public volatile List<Path> photos = List.of();
    public volatile Path xlsxTarget;
    public volatile SortRequest sortAnswer;
    public volatile SortPlan lastSortPlan;
    public volatile boolean confirmAnswer = true;
    public volatile UnreviewedChoice unreviewedAnswer = UnreviewedChoice.GO_ON;
    /** The unreviewed counts the app asked about, e.g. "Export 12 of 13". */
    public final List<String> unreviewedQuestions = new CopyOnWriteArrayList<>();

    public volatile List<String> listingRoomsAnswer;
    public volatile List<KeyHelp> shortcuts;
    public volatile List<String> roomOrderAnswer;
    public volatile ListingRequest listingAnswer;
    /** The name typed for a new room type (null: cancelled). */
    public volatile String roomTypeAnswer;
    /** What the dialog showed for {@link #roomTypeAnswer} while it was typed (empty: OK was enabled). */
    public volatile String roomTypeProblem;

    public volatile String lastListingSummary;
    public volatile ExistingFolderChoice existingFolderAnswer = ExistingFolderChoice.CANCEL;
    /** What the app asked before confirming, e.g. the preset's cap ("title: message"). */
    public final List<String> confirmations = new CopyOnWriteArrayList<>();

    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<String> warnings = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Path> chooseFolder(Path initial) {
        return Optional.ofNullable(folder);
    }

    @Override
    public List<Path> choosePhotos(Path initial) {
        return photos;
    }

    @Override
    public Optional<Path> chooseXlsxTarget(Path initialFolder, String initialName) {
        return Optional.ofNullable(xlsxTarget);
    }

    @Override
    public Optional<SortRequest> askSort(SortPlan plan) {
        lastSortPlan = plan;
        return Optional.ofNullable(sortAnswer);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(title + ": " + message);
        return confirmAnswer;
    }

    @Override
    public UnreviewedChoice askUnreviewed(String action, int unreviewed, int photos) {
        unreviewedQuestions.add(action + " " + unreviewed + " of " + photos);
        return unreviewedAnswer;
    }

    @Override
    public Optional<List<String>> chooseListingRooms(List<String> roomTypes, List<String> chosen) {
        return Optional.ofNullable(listingRoomsAnswer);
    }

    @Override
    public Optional<List<String>> chooseRoomOrder(List<String> roomTypes, List<String> current) {
        return Optional.ofNullable(roomOrderAnswer);
    }

    @Override
    public Optional<String> askRoomTypeName(Function<String, String> problemOf) {
        roomTypeProblem = roomTypeAnswer == null ? null : problemOf.apply(roomTypeAnswer);
        return Optional.ofNullable(roomTypeAnswer);
    }

    @Override
    public Optional<ListingRequest> askListingExport(
            Path folder, ListingPreset preset, String namePattern, String summary) {
        lastListingSummary = summary;
        return Optional.ofNullable(listingAnswer);
    }

    @Override
    public ExistingFolderChoice askExistingFolder(Path folder, Path freeName, String problem, boolean canReplace) {
        return existingFolderAnswer;
    }

    @Override
    public void showShortcuts(List<KeyHelp> rows) {
        shortcuts = List.copyOf(rows);
    }

    @Override
    public void showWarning(String title, String message) {
        warnings.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }
}
