package org.roomnet;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.logging.Logger;
import org.roomnet.app.DesktopApp;
import org.roomnet.bench.Benchmarks;
import org.roomnet.cli.RoomNetCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code roomnet.jar}: no arguments start the desktop app, one folder starts it on that
 * folder, anything else is the command line. A plain class on purpose: a main class extending
 * JavaFX's Application fails to start from the class path.
 */
public final class Launcher {

    static final int NO_DISPLAY = 2;
    /**
     * JavaFX warns on every start that it runs from the class path ("Unsupported JavaFX configuration");
     * that is this thin jar's design (lib/ beside it), so that one line is dropped. Held here: a JUL
     * logger without a strong reference may be collected, filter and all.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    static final String NO_GTK = "The desktop app needs GTK 3, which is not installed (on Debian or Ubuntu: "
            + "sudo apt install libgtk-3-0; on Fedora: sudo dnf install gtk3). Without it, use the command line, "
            + "e.g. java -jar roomnet.jar classify <folder> --csv rooms.csv.";

    private Launcher() {}

    public static void main(String[] args) {
        Optional<Path> folder = folderToOpen(args);
        if (args.length > 0 && folder.isEmpty() && looksLikeAFolder(args)) {
            System.exit(runCommandLine(commandLine(), args)); // says so, without starting a second JVM first
        }
        OptionalInt inChild = TelemetryOff.runInChild(Launcher.class, args);
        if (inChild.isPresent()) {
            System.exit(inChild.getAsInt());
        }
        TelemetryOff.stopWithParent();
        if (args.length > 0 && folder.isEmpty()) {
            RoomNetCommand.exitOnInterrupt();
            System.exit(runCommandLine(commandLine(), args));
        }
        if (displayMissing(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"))) {
            System.err.println("No display found: the desktop app needs a graphical session."
                    + " Without one, use the command line, e.g. java -jar roomnet.jar classify <folder> --csv rooms.csv"
                    + " (java -jar roomnet.jar --help lists the commands).");
            System.exit(NO_DISPLAY);
        }
        JAVAFX_LOG.setFilter(
                r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            DesktopApp.launchApp(folder.map(Path::toString).stream().toArray(String[]::new));
        } catch (RuntimeException | LinkageError e) {
            if (!isMissingGtk(e)) {
                throw e;
            }
            System.err.println(NO_GTK);
            System.exit(NO_DISPLAY);
        }
    }

    /** The command line: the product's commands and, hidden from {@code --help}, the measuring ones. */
    static CommandLine commandLine() {
        return RoomNetCommand.commandLine(Benchmarks.commands());
    }

    /** Runs the command line; a lone argument that is neither a command nor a folder is said to be so. */
    static int runCommandLine(CommandLine cli, String[] args) {
        if (looksLikeAFolder(args)) {
            cli.getErr()
                    .println("error: " + args[0] + " is not a folder (nor a command). Open a shoot with "
                            + "java -jar roomnet.jar <folder>; java -jar roomnet.jar --help lists the commands.");
            cli.getErr().flush();
            return RoomNetCommand.EXIT_USAGE;
        }
        return cli.execute(args);
    }

    /** {@code roomnet.jar <folder>}: the one argument is an existing folder and not a command or option. */
    static Optional<Path> folderToOpen(String[] args) {
        if (!looksLikeAFolder(args)) {
            return Optional.empty();
        }
        try {
            Path folder = Path.of(args[0]);
            return Files.isDirectory(folder)
                    ? Optional.of(folder.toAbsolutePath().normalize())
                    : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** One argument that is neither a command nor an option: meant as a folder to open. */
    static boolean looksLikeAFolder(String[] args) {
        return args.length == 1 && !args[0].startsWith("-") && !CommandNames.ALL.contains(args[0]);
    }

    /** The names of every command of the command line, hidden ones included; a folder of such a name needs classify. */
    private static final class CommandNames {
        static final Set<String> ALL = Set.copyOf(commandLine().getSubcommands().keySet());
    }

    /** On Linux JavaFX needs an X11 or Wayland display, unless a headless glass platform (Monocle) is chosen. */
    static boolean displayMissing(String osName, Map<String, String> env, String glassPlatform) {
        if (!osName.toLowerCase().contains("linux") || glassPlatform != null) {
            return false;
        }
        return isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"));
    }

    /** JavaFX's own failure when libgtk-3 cannot be loaded: "Unable to load glass GTK library." */
    static boolean isMissingGtk(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("glass GTK library")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
