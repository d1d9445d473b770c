package org.roomnet.app.util;

import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the main window's size and position (and a few view settings) in the user's preferences. */
public final class WindowState {

    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 420;
    /** Of the screen's height, the most a window takes: its title bar must fit too (20 px under openbox). */
    private static final double HEIGHT_SHARE = 0.96;
    /** Left of the screen's width for the window's borders. */
    private static final double FRAME_WIDTH = 8;

    private final Preferences prefs;

    public WindowState(Preferences prefs) {
        this.prefs = prefs;
    }

    /** Puts the stage where it was last time, when that place is still on a screen; else a default size. */
    public void restore(Stage stage, double defaultWidth, double defaultHeight) {
        double x = prefs.getDouble("window.x", Double.NaN);
        double y = prefs.getDouble("window.y", Double.NaN);
        boolean onScreen = !Double.isNaN(x)
                && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x + 40, y + 10, 80, 30))
                        .isEmpty();
        Rectangle2D screen = (onScreen
                        ? Screen.getScreensForRectangle(new Rectangle2D(x + 40, y + 10, 80, 30))
                                .get(0)
                        : Screen.getPrimary())
                .getVisualBounds();
        double wantedW = Math.max(MIN_WIDTH, prefs.getDouble("window.width", defaultWidth));
        double wantedH = Math.max(MIN_HEIGHT, prefs.getDouble("window.height", defaultHeight));
        // Never as large as the screen it goes on (a window saved on a big monitor, shown on a 1024x640 laptop):
        // asked for the whole screen, the frame did not fit and openbox gave the window its least size instead.
        // Not maximized either: openbox un-maximizes a window while a modal dialog of it is open (issue 19).
        stage.setWidth(Math.min(wantedW, screen.getWidth() - FRAME_WIDTH));
        stage.setHeight(Math.min(wantedH, Math.floor(screen.getHeight() * HEIGHT_SHARE)));
        if (onScreen) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(prefs.getBoolean("window.maximized", false));
    }

    public void save(Stage stage) {
        prefs.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified()) {
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
            prefs.putDouble("window.width", stage.getWidth());
            prefs.putDouble("window.height", stage.getHeight());
        }
        try {
            prefs.flush();
        } catch (java.util.prefs.BackingStoreException ignored) {
            // preferences are a convenience
        }
    }

    public double thumbnailSize(double fallback) {
        return prefs.getDouble("thumbnail.size", fallback);
    }

    public void saveThumbnailSize(double size) {
        prefs.putDouble("thumbnail.size", size);
    }
}
