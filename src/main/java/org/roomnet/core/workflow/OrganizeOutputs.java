package org.roomnet.core.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.roomnet.core.organize.OrganizeRun;
import org.roomnet.core.util.RealPaths;

/**
 * The room folders that organize runs write inside the shoot itself ({@code -r --into <shoot>/sorted}):
 * a recursive run must not classify and sort its own output again (issue 18, minor point).
 */
public final class OrganizeOutputs {

    private OrganizeOutputs() {}

    /**
     * The destinations inside {@code shoot}: this run's, and those of earlier runs from it whose files
     * are still out of place (not undone), as real paths.
     */
    public static List<Path> inside(Path shoot, Path destination, List<OrganizeRun> earlierRuns) {
        Path root = RealPaths.of(shoot);
        Set<Path> outputs = new LinkedHashSet<>();
        if (destination != null) {
            outputs.add(RealPaths.of(destination));
        }
        earlierRuns.stream().filter(OrganizeRun::undoable).forEach(r -> outputs.add(RealPaths.of(r.destination())));
        List<Path> inside = new ArrayList<>();
        for (Path out : outputs) {
            if (out.startsWith(root) && !out.equals(root)) {
                inside.add(out);
            }
        }
        return inside;
    }

    /** Whether {@code file} lies in one of {@code outputs} (its folder's real path, the file itself may be a link). */
    public static boolean isIn(Path file, List<Path> outputs) {
        if (outputs.isEmpty()) {
            return false;
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent() == null ? absolute : RealPaths.of(absolute.getParent());
        return outputs.stream().anyMatch(folder::startsWith);
    }
}
