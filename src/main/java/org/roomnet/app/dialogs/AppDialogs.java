package org.roomnet.app.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.roomnet.app.sort.SortRequest;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.workflow.SortPlan;

/**
 * Every question the app asks the user. The app shows JavaFX dialogs and native choosers
 * ({@link FxDialogs}); UI tests answer with a script, so they never wait on a native window.
 */
public interface AppDialogs {

    Optional<Path> chooseFolder(Path initial);

    List<Path> choosePhotos(Path initial);

    Optional<Path> chooseXlsxTarget(Path initialFolder, String initialName);

    /** The sort dialog: copy or move, and where to; empty when cancelled. */
    Optional<SortRequest> askSort(SortPlan plan);

    boolean confirm(String title, String message);

    /**
     * Before exporting or sorting with photos not reviewed yet: go on, show them, or cancel.
     *
     * @param action what is about to happen, e.g. "Export"
     */
    UnreviewedChoice askUnreviewed(String action, int unreviewed, int photos);

    /** The rooms a listing needs, chosen among {@code roomTypes}; empty when cancelled. */
    Optional<List<String>> chooseListingRooms(List<String> roomTypes, List<String> chosen);

    /** The rooms in listing order, arranged among {@code roomTypes}; empty when cancelled. */
    Optional<List<String>> chooseRoomOrder(List<String> roomTypes, List<String> current);

    /**
     * Export for Listing: where, which preset, which names. {@code summary} says what goes (e.g. "23 photos,
     * the cover first; 2 rejected left out"). Empty when cancelled.
     */
    Optional<ListingRequest> askListingExport(Path folder, ListingPreset preset, String namePattern, String summary);

    /** The export folder holds files: a new folder ({@code freeName}), replace (when {@code canReplace}), or cancel. */
    ExistingFolderChoice askExistingFolder(Path folder, Path freeName, String problem, boolean canReplace);

    /**
     * The name of a new room type; empty when cancelled. {@code problemOf} says why a name cannot be one (empty
     * when it can): the dialog shows it while the agent types and refuses such a name.
     */
    Optional<String> askRoomTypeName(Function<String, String> problemOf);

    /** The keyboard shortcuts, as a table. */
    void showShortcuts(List<KeyHelp> rows);

    void showInfo(String title, String message);

    /** Something went as designed but deserves a look (e.g. files left in place on purpose). */
    void showWarning(String title, String message);

    void showError(String title, String message);
}
