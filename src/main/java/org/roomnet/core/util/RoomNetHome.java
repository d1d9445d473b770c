package org.roomnet.core.util;

import java.nio.file.Path;

/** Where RoomNet keeps what belongs to no shoot (journals, export records): {@code -Droomnet.home}, else {@code ~/.roomnet}. */
public final class RoomNetHome {

    private RoomNetHome() {}

    public static Path dir() {
        String configured = System.getProperty("roomnet.home");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".roomnet");
    }
}
