package org.roomnet.app.sort;

import org.roomnet.core.organize.TransferMode;

import java.nio.file.Path;

/** The agent's answer to the sort dialog. */
public record SortRequest(TransferMode mode, Path destination) {
}
