package org.roomnet.core.workflow;

import org.roomnet.core.organize.Assignment;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeException;
import org.roomnet.core.organize.OrganizeProgress;
import org.roomnet.core.organize.OrganizeResult;
import org.roomnet.core.organize.Organizer;
import org.roomnet.core.organize.TransferMode;

import java.nio.file.Path;
import java.util.List;

/**
 * Sorting a shoot into room folders, as decided on the review's thread (each photo to the folder of
 * its final label; unreadable files stay), run on another: {@link #run} saves the review first, so a
 * photo moved out keeps its labels in the sidecar, then copies or moves.
 */
public final class SortJob {

    private final Path folder;
    private final TransferMode mode;
    private final Path destination;
    private final List<Assignment> assignments;
    private final Runnable saveReview;

    SortJob(Path folder, TransferMode mode, Path destination, List<Assignment> assignments, Runnable saveReview) {
        this.folder = folder;
        this.mode = mode;
        this.destination = destination.toAbsolutePath().normalize();
        this.assignments = List.copyOf(assignments);
        this.saveReview = saveReview;
    }

    public TransferMode mode() {
        return mode;
    }

    public Path destination() {
        return destination;
    }

    /** The photos that will be copied or moved. */
    public int photos() {
        return assignments.size();
    }

    /** Blocks: not on the UI thread. */
    public OrganizeResult run(JournalStore journals, OrganizeProgress progress) throws OrganizeException {
        saveReview.run();
        return new Organizer(journals).organize(folder, destination, mode, assignments, progress);
    }
}
