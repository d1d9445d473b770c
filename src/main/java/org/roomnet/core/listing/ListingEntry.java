package org.roomnet.core.listing;

import java.nio.file.Path;

/** One photo of an export: its position (1-based), the original, its room, the new file name, and whether it is the cover. */
public record ListingEntry(int position, Path source, String room, String name, boolean cover) {}
