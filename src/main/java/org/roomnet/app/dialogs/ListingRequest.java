package org.roomnet.app.dialogs;

import java.nio.file.Path;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.listing.NamePattern;

/** The agent's answer to Export for Listing: where, which preset, how to name, whether to keep all metadata. */
public record ListingRequest(Path folder, ListingPreset preset, NamePattern names, boolean keepMetadata) {}
