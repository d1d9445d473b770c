package org.roomnet.app.sort;

import java.nio.file.Path;
import org.roomnet.core.organize.TransferMode;

/** The agent's answer to the sort dialog. */
public record SortRequest(TransferMode mode, Path destination) {}
