package org.roomnet.app.util;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.prefs.Preferences;

/** Remembers the main window's size and position (and a few view settings) in the user's preferences. */
public final class WindowState {

    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 420;

    private final Preferences prefs;

    public WindowState(Preferences prefs) {
        this.prefs = prefs;
    }

    /** Puts the stage where it was last time, when that place is still on a screen; else a default size. */
    public void restore(Stage stage, double defaultWidth, double defaultHeight) {
        double x = prefs.getDouble("window.x", Double.NaN);
        double y = prefs.getDouble("window.y", Double.NaN);
        boolean onScreen = !Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x + 40, y + 10, 80, 30)).isEmpty();
        Rectangle2D screen = (onScreen ? Screen.getScreensForRectangle(new Rectangle2D(x + 40, y + 10, 80, 30)).get(0)
                : Screen.getPrimary()).getVisualBounds();
        // never larger than the screen it goes on (a window saved on a big monitor, shown on a laptop)
        double w = Math.min(screen.getWidth(), Math.max(MIN_WIDTH, prefs.getDouble("window.width", defaultWidth)));
        double h = Math.min(screen.getHeight(), Math.max(MIN_HEIGHT, prefs.getDouble("window.height", defaultHeight)));
        stage.setWidth(w);
        stage.setHeight(h);
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
