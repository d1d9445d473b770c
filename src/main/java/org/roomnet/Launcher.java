package org.roomnet;

import org.roomnet.app.DesktopApp;
import org.roomnet.cli.RoomNetCommand;

/**
 * Entry point of {@code roomnet.jar}: no arguments start the desktop app, anything else is the
 * command line. A plain class on purpose: a main class extending JavaFX's Application fails to
 * start from the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesktopApp.launchApp(args);
        } else {
            System.exit(RoomNetCommand.execute(args));
        }
    }
}
