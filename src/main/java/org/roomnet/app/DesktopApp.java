package org.roomnet.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.stage.Stage;
import org.roomnet.app.dialogs.FxDialogs;
import org.roomnet.app.main.MainView;
import org.roomnet.app.main.MainViewModel;
import org.roomnet.app.task.FxTaskExecutor;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.app.util.UserSettings;
import org.roomnet.app.util.WindowState;
import org.roomnet.core.classify.InferenceGate;
import org.roomnet.core.classify.ModelService;
import org.roomnet.core.listing.ExportRecords;
import org.roomnet.core.memory.MemoryStore;
import org.roomnet.core.organize.JournalStore;

/**
 * The desktop app: wires the services into the main window. A folder given on the command line
 * ({@code roomnet.jar <folder>}) or {@code -Droomnet.open=<folder or photo>} (for scripts) opens at start.
 */
public final class DesktopApp extends Application {

    /** Quiet period before the review is written beside the shoot. */
    static final long AUTOSAVE_DELAY_MILLIS = 700;

    /** Longer than one batch takes on a slow, loaded machine. */
    private static final Duration BATCH_PATIENCE = Duration.ofSeconds(30);

    private TaskExecutor executor;
    private ModelService models;
    private MainViewModel viewModel;
    private MainView view;

    /** Called by {@link org.roomnet.Launcher}; {@code args} is empty or the folder to open. */
    public static void launchApp(String[] args) {
        Application.launch(DesktopApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        models = ModelService.shipped();
        FxDialogs dialogs = new FxDialogs(() -> stage);
        Preferences prefs = Preferences.userNodeForPackage(DesktopApp.class);
        viewModel = new MainViewModel(
                executor,
                models,
                dialogs,
                JournalStore.defaultStore(),
                ExportRecords.defaultRecords(),
                new UserSettings(prefs),
                AUTOSAVE_DELAY_MILLIS,
                MemoryStore.defaultStore());
        view = new MainView(viewModel, new WindowState(prefs), dialogs);
        view.show(stage);
        viewModel.loadModel();
        String open = getParameters().getUnnamed().stream().findFirst().orElse(System.getProperty("roomnet.open"));
        if (open != null && !open.isBlank()) {
            Path folder = Path.of(open);
            if (Files.isDirectory(folder)) {
                viewModel.openFolder(folder);
            } else {
                viewModel.openPhotos(java.util.List.of(folder));
            }
        }
    }

    @Override
    public void stop() {
        boolean classifying = viewModel.classifierBusy();
        view.saveState();
        viewModel.shutdown();
        // The cancelled classifying's batch in ONNX Runtime ends first: the exit releasing its environment
        // mid-batch crashes.
        if (!classifying || InferenceGate.awaitIdle(BATCH_PATIENCE)) {
            models.close();
        }
        executor.shutdown();
    }
}
