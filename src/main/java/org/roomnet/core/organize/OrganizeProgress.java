package org.roomnet.core.organize;

import java.nio.file.Path;

/** Called after each file; {@code done} of {@code total}. */
@FunctionalInterface
public interface OrganizeProgress {
    void onFile(Path target, int done, int total);

    OrganizeProgress NONE = (target, done, total) -> {};
}
