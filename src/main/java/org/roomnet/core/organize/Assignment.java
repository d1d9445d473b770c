package org.roomnet.core.organize;

import java.nio.file.Path;

/** One photo and the room folder it goes to. */
public record Assignment(Path source, String roomType) {}
