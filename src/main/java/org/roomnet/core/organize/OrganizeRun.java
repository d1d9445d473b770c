package org.roomnet.core.organize;

import java.nio.file.Path;

/** One organize run from a shoot, as {@code undo --list} shows it; {@code id} picks it for undo. */
public record OrganizeRun(String id, TransferMode mode, Path destination, int files, String state, boolean undoable) {}
