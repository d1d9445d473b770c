package org.roomnet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherTest {

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
}
