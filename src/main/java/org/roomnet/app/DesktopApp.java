package org.roomnet.app;

/** Placeholder until the desktop app lands (issue 4): the launcher calls {@link #launchApp}. */
public final class DesktopApp {
    private DesktopApp() {
    }

    public static void launchApp(String[] args) {
        System.err.println("The desktop app is not built yet; use the command line: roomnet classify --help");
    }
}
