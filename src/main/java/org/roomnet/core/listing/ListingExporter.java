package org.roomnet.core.listing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.roomnet.core.imaging.PhotoLimits;
import org.roomnet.core.imaging.UnreadablePhotoException;

/**
 * Runs an export: every photo of the plan is written on a pool of threads into a hidden folder beside
 * the target, which becomes the target only once every photo is in it. So a cancel, or a failure (a
 * full disk, say), leaves nothing behind, an export folder is never half-written, and an earlier
 * export being replaced stays as it was until the new one is complete, and is replaced only if it still
 * holds nothing but what it was (see {@link ExportFolders}). One export at a time per folder
 * ({@link ExportLock}); what a killed one left beside the folder is removed at the start. Memory is bounded by a budget
 * shared by the threads: each photo takes its estimated share before it is decoded, so a 2,000-photo
 * shoot of 24 MP photos fits a 1 GB heap whatever the number of cores. Photos found unreadable or
 * damaged while exporting are skipped and listed.
 */
public final class ListingExporter {

    /** Told after each photo, from the exporting threads. */
    @FunctionalInterface
    public interface Progress {
        void photoDone(int done, int total);
    }

    private final ExportRecords records;
    private final int threads;
    private final long memoryBudget;

    public ListingExporter(ExportRecords records, int threads, long memoryBudget) {
        this.records = records;
        this.threads = Math.max(1, threads);
        this.memoryBudget = Math.max(64L << 20, memoryBudget);
    }

    /** Every core; half of the heap for photos in flight. */
    public static ListingExporter withDefaults(ExportRecords records) {
        return new ListingExporter(
                records,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 2);
    }

    /**
     * Blocks: not on a UI thread. Stops soon after {@code cancelled} is set (the photos being written
     * are finished, then everything written is removed).
     *
     * @throws ListingException the export could not be completed; nothing was left in or beside the target
     */
    public ListingResult export(
            ListingPlan plan, ListingTarget target, boolean keepMetadata, Progress progress, AtomicBoolean cancelled)
            throws ListingException, InterruptedException {
        try (ExportLock lock = ExportLock.acquire(records, target.folder())) {
            List<String> notes = new ArrayList<>(ExportFolders.cleanStale(target.folder(), records));
            return export(plan, target, keepMetadata, progress, cancelled, notes);
        }
    }

    private ListingResult export(
            ListingPlan plan,
            ListingTarget target,
            boolean keepMetadata,
            Progress progress,
            AtomicBoolean cancelled,
            List<String> notes)
            throws ListingException, InterruptedException {
        Path folder = target.folder();
        Path staging = ExportFolders.createStaging(folder);
        List<ListingEntry> entries = plan.entries();
        List<ListingPlan.Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<IOException> failure = new AtomicReference<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ListingPhotoWriter writer = new ListingPhotoWriter(plan.preset(), keepMetadata);
        int budgetMb = (int) Math.min(Integer.MAX_VALUE, memoryBudget >> 20);
        Semaphore memory = new Semaphore(budgetMb);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, entries.size())), r -> {
            Thread t = new Thread(r, "roomnet-listing");
            t.setDaemon(true);
            return t;
        });
        boolean complete = false;
        try {
            for (int t = 0; t < Math.min(threads, Math.max(1, entries.size())); t++) {
                pool.execute(() -> {
                    for (int i;
                            !cancelled.get()
                                    && failure.get() == null
                                    && (i = next.getAndIncrement()) < entries.size(); ) {
                        ListingEntry e = entries.get(i);
                        long need = Math.max(1, writer.memoryEstimate(e.source()) >> 20);
                        if (need > budgetMb) { // it would not fit even alone: refused before it is decoded
                            skipped.add(new ListingPlan.Skipped(e.source(), tooLarge(need, budgetMb)));
                        } else {
                            try {
                                memory.acquire((int) need);
                            } catch (InterruptedException ex) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            try {
                                writer.write(e.source(), staging.resolve(e.name()));
                            } catch (UnreadablePhotoException ex) {
                                skipped.add(new ListingPlan.Skipped(e.source(), ex.getMessage()));
                            } catch (IOException ex) {
                                failure.compareAndSet(
                                        null, new IOException("could not write " + e.name() + ": " + ex, ex));
                            } catch (OutOfMemoryError ex) { // the estimate was short: this photo only
                                skipped.add(new ListingPlan.Skipped(e.source(), PhotoLimits.NOT_ENOUGH_MEMORY));
                            } catch (RuntimeException ex) {
                                skipped.add(new ListingPlan.Skipped(e.source(), "could not be exported: " + ex));
                            } catch (Error ex) {
                                failure.compareAndSet(
                                        null, new IOException("could not write " + e.name() + ": " + ex, ex));
                            } finally {
                                memory.release((int) need);
                            }
                        }
                        progress.photoDone(done.incrementAndGet(), entries.size());
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // a photo takes a second or so; waiting in steps keeps this thread interruptible
            }
            if (failure.get() != null) {
                throw new ListingException(failure.get().getMessage() + "; nothing was exported", failure.get());
            }
            if (cancelled.get()) {
                return new ListingResult(folder, List.of(), List.of(), true, notes);
            }
            List<String> skippedFiles =
                    skipped.stream().map(s -> s.file().toString()).toList();
            List<ListingEntry> written = entries.stream()
                    .filter(e -> !skippedFiles.contains(e.source().toString()))
                    .toList();
            checkWritten(staging, written);
            Path replaced = ExportFolders.putInPlace(staging, target, records);
            complete = true;
            try {
                records.write(folder, written.stream().map(ListingEntry::name).toList());
            } catch (IOException e) {
                // the export is there; only replacing it later will ask for a new folder
            }
            if (replaced != null) {
                notes.addAll(ExportFolders.removeReplaced(replaced, records));
            }
            List<ListingPlan.Skipped> listed = new ArrayList<>(skipped);
            listed.sort(Comparator.comparing(ListingPlan.Skipped::file));
            return new ListingResult(folder, written, listed, false, notes);
        } finally {
            pool.shutdownNow();
            if (!complete) {
                // also when this thread was interrupted: the photos being written finish, then nothing is left
                boolean interrupted = Thread.interrupted();
                try {
                    pool.awaitTermination(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                ExportFolders.deleteTree(staging);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** In the user's words: a photo whose decode would not fit the memory the export may use. */
    static String tooLarge(long neededMb, long availableMb) {
        return PhotoLimits.NOT_ENOUGH_MEMORY + " (about " + neededMb + " MB needed, " + availableMb
                + " MB available; give RoomNet more memory, or choose a preset that scales it down)";
    }

    /** Success is said only for files that are there: a photo whose writer died without a word stops the export. */
    private static void checkWritten(Path staging, List<ListingEntry> written) throws ListingException {
        for (ListingEntry e : written) {
            Path file = staging.resolve(e.name());
            try {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) == 0) {
                    throw new ListingException(
                            e.name() + " (from " + e.source() + ") was not written; nothing was exported");
                }
            } catch (IOException ex) {
                throw new ListingException("cannot check " + file + ": " + ex + "; nothing was exported", ex);
            }
        }
    }
}
