package org.roomnet.core.workflow;

import java.nio.file.Path;
import java.util.List;
import org.roomnet.core.organize.AssignmentPolicy;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeException;
import org.roomnet.core.organize.OrganizeProgress;
import org.roomnet.core.organize.OrganizeResult;
import org.roomnet.core.organize.Organizer;
import org.roomnet.core.organize.TransferMode;

/**
 * Sorting a shoot into room folders, as decided on the review's thread (each photo to the folder of
 * its final label; unreadable files, damaged photos unless asked for, the photos the agent rejected, and files
 * the {@link AssignmentPolicy} leaves out stay), run on another: {@link #run} saves the review first, so a
 * photo moved out keeps its labels in the sidecar, then copies or moves.
 */
public final class SortJob {

    private final Path folder;
    private final TransferMode mode;
    private final Path destination;
    private final AssignmentPolicy.Plan plan;
    private final List<Path> rejected;
    private final Runnable saveReview;

    SortJob(
            Path folder,
            TransferMode mode,
            Path destination,
            AssignmentPolicy.Plan plan,
            List<Path> rejected,
            Runnable saveReview) {
        this.folder = folder;
        this.rejected = List.copyOf(rejected);
        this.mode = mode;
        this.destination = destination.toAbsolutePath().normalize();
        this.plan = plan;
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
        return plan.assignments().size();
    }

    /** Files of the review left in place by the policy (a symbolic link, say), with the reason. */
    public List<AssignmentPolicy.Skipped> skipped() {
        return plan.skipped();
    }

    /** The photos the agent rejected: they stay where they are (a rejected screenshot has no room to go to). */
    public List<Path> rejected() {
        return rejected;
    }

    /** Blocks: not on the UI thread. */
    public OrganizeResult run(JournalStore journals, OrganizeProgress progress) throws OrganizeException {
        saveReview.run();
        return new Organizer(journals).organize(folder, destination, mode, plan.assignments(), progress);
    }
}
