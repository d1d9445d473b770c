package org.roomnet;

import java.util.Map;

import org.roomnet.app.DesktopApp;
import org.roomnet.cli.RoomNetCommand;

/**
 * Entry point of {@code roomnet.jar}: no arguments start the desktop app, anything else is the
 * command line. A plain class on purpose: a main class extending JavaFX's Application fails to
 * start from the class path.
 */
public final class Launcher {

    static final int NO_DISPLAY = 2;

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(RoomNetCommand.execute(args));
        }
        if (displayMissing(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"))) {
            System.err.println("No display found: the desktop app needs a graphical session."
                    + " Without one, use the command line, e.g. java -jar roomnet.jar classify <folder> --csv rooms.csv"
                    + " (java -jar roomnet.jar --help lists the commands).");
            System.exit(NO_DISPLAY);
        }
        DesktopApp.launchApp(args);
    }

    /** On Linux JavaFX needs an X11 or Wayland display, unless a headless glass platform (Monocle) is chosen. */
    static boolean displayMissing(String osName, Map<String, String> env, String glassPlatform) {
        if (!osName.toLowerCase().contains("linux") || glassPlatform != null) {
            return false;
        }
        return isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
