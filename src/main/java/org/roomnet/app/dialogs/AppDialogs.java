package org.roomnet.app.dialogs;

import org.roomnet.app.sort.SortPlan;
import org.roomnet.app.sort.SortRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    void showInfo(String title, String message);

    void showError(String title, String message);
}
