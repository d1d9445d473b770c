package org.roomnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.bench.Benchmarks;
import picocli.CommandLine;

class LauncherTest {

    @TempDir
    Path temp;

    @Test
    void linuxWithoutX11OrWaylandHasNoDisplay() {
        assertTrue(Launcher.displayMissing("Linux", Map.of(), null));
        assertTrue(Launcher.displayMissing("Linux", Map.of("DISPLAY", " "), null));
    }

    @Test
    void anX11OrWaylandDisplayOrMonocleIsEnough() {
        assertFalse(Launcher.displayMissing("Linux", Map.of("DISPLAY", ":0"), null));
        assertFalse(Launcher.displayMissing("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null));
        assertFalse(Launcher.displayMissing("Linux", Map.of(), "Monocle"));
    }

    @Test
    void windowsAndMacAlwaysHaveADisplay() {
        assertFalse(Launcher.displayMissing("Windows 11", Map.of(), null));
        assertFalse(Launcher.displayMissing("Mac OS X", Map.of(), null));
    }

    @Test
    void aFolderAloneOpensTheApp() throws Exception {
        Path shoot = Files.createDirectories(temp.resolve("12 Main St"));
        assertEquals(
                Optional.of(shoot.toAbsolutePath().normalize()),
                Launcher.folderToOpen(new String[] {shoot.toString()}));
        Path named = Files.createDirectories(temp.resolve("classify"));
        assertEquals(Optional.empty(), Launcher.folderToOpen(new String[] {"classify"}), "a command stays a command");
        assertTrue(Files.isDirectory(named));
        assertEquals(Optional.empty(), Launcher.folderToOpen(new String[] {"--help"}));
        assertEquals(Optional.empty(), Launcher.folderToOpen(new String[] {"classify", shoot.toString()}));
        assertEquals(
                Optional.empty(),
                Launcher.folderToOpen(new String[] {temp.resolve("missing").toString()}));
        assertTrue(
                Launcher.looksLikeAFolder(new String[] {temp.resolve("missing").toString()}), "said: not a folder");
    }

    @Test
    void javaFxsGtkFailureIsRecognised() {
        UnsupportedOperationException gtk = new UnsupportedOperationException("Unable to load glass GTK library.");
        assertTrue(Launcher.isMissingGtk(gtk));
        assertTrue(Launcher.isMissingGtk(new RuntimeException("Application launch failed", gtk)));
        assertFalse(Launcher.isMissingGtk(new IllegalStateException("something else")));
        assertTrue(Launcher.NO_GTK.contains("libgtk-3-0"));
    }

    /** Runs the launcher's command line, its output and errors caught. */
    private record Run(int code, String out, String err) {
        static Run of(String... args) {
            CommandLine cli = Launcher.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = Launcher.runCommandLine(cli, args);
            return new Run(code, out.toString(), err.toString());
        }
    }

    @Test
    void everyCommandAloneIsACommandAndStarts() {
        var commands = Launcher.commandLine().getSubcommands();
        assertTrue(
                commands.keySet()
                        .containsAll(java.util.List.of(
                                "classify",
                                "undo",
                                "export-listing",
                                "help",
                                "benchmark",
                                "first-thumbnails",
                                "benchmark-listing")),
                commands.keySet().toString());
        for (String name : commands.keySet()) {
            assertFalse(Launcher.looksLikeAFolder(new String[] {name}), name + " is a command, not a folder");
            Run help = Run.of(name, "--help");
            assertEquals(0, help.code(), name + " --help: " + help.err());
            assertTrue(help.out().contains("Usage: roomnet " + name + " "), name + " --help printed: " + help.out());
        }
    }

    @Test
    void aBareExportListingGetsPicocliUsage() {
        Run bare = Run.of("export-listing");
        assertEquals(2, bare.code());
        assertTrue(bare.err().contains("Missing required parameter"), bare.err());
        assertTrue(bare.err().contains("Usage: roomnet export-listing"), bare.err());
        assertFalse(bare.err().contains("not a folder"), bare.err());
    }

    @Test
    void aLoneWordThatIsNeitherIsNotAFolder() {
        Run run = Run.of(temp.resolve("missing").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("is not a folder (nor a command)"), run.err());
    }

    @Test
    void helpListsTheProductCommandsAndNoMeasuringOne() {
        Run help = Run.of("--help");
        assertEquals(0, help.code());
        for (var command : Launcher.commandLine().getSubcommands().entrySet()) {
            boolean measuring = command.getValue()
                    .getCommandSpec()
                    .userObject()
                    .getClass()
                    .getPackageName()
                    .equals(Benchmarks.class.getPackageName());
            assertEquals(
                    measuring,
                    command.getValue().getCommandSpec().usageMessage().hidden(),
                    command.getKey());
            assertEquals(
                    !measuring,
                    help.out().contains("  " + command.getKey() + " "),
                    command.getKey() + " in:\n" + help.out());
        }
        assertFalse(help.out().toLowerCase(java.util.Locale.ROOT).contains("benchmark"), help.out());
    }
}
