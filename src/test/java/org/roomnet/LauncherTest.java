package org.roomnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertEquals(Optional.of(shoot.toAbsolutePath().normalize()), Launcher.folderToOpen(new String[]{shoot.toString()}));
        Path named = Files.createDirectories(temp.resolve("classify"));
        assertEquals(Optional.empty(), Launcher.folderToOpen(new String[]{"classify"}), "a command stays a command");
        assertTrue(Files.isDirectory(named));
        assertEquals(Optional.empty(), Launcher.folderToOpen(new String[]{"--help"}));
        assertEquals(Optional.empty(), Launcher.folderToOpen(new String[]{"classify", shoot.toString()}));
        assertEquals(Optional.empty(), Launcher.folderToOpen(new String[]{temp.resolve("missing").toString()}));
        assertTrue(Launcher.looksLikeAFolder(new String[]{temp.resolve("missing").toString()}), "said: not a folder");
    }

    @Test
    void javaFxsGtkFailureIsRecognised() {
        UnsupportedOperationException gtk = new UnsupportedOperationException("Unable to load glass GTK library.");
        assertTrue(Launcher.isMissingGtk(gtk));
        assertTrue(Launcher.isMissingGtk(new RuntimeException("Application launch failed", gtk)));
        assertFalse(Launcher.isMissingGtk(new IllegalStateException("something else")));
        assertTrue(Launcher.NO_GTK.contains("libgtk-3-0"));
    }
}
