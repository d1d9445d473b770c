package org.roomnet.app.main;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.roomnet.app.task.TaskExecutor;
import org.roomnet.core.review.ClaimOwner;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewClaim;
import org.roomnet.core.review.ReviewStore;
import org.roomnet.core.util.Words;
import org.roomnet.core.workflow.Shoot;

/**
 * The open shoot's claim and its saving, for {@link ShootLoader}: a claimed shoot is kept saved (each
 * save merged with other windows' saves, what they changed shown, the claim checked), a shoot held
 * elsewhere is read-only with a notice saying by whom, and a claim taken over turns the window
 * read-only once what it had is saved. UI thread, except where it says otherwise.
 */
final class ShootClaims {

    private final TaskExecutor executor;
    private final StatusModel status;
    private final ReadOnlyObjectProperty<Shoot> shown;
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private ReviewClaim claim;
    private CompletableFuture<Void> stopped = CompletableFuture.completedFuture(null);

    ShootClaims(TaskExecutor executor, StatusModel status, ReadOnlyObjectProperty<Shoot> shown) {
        this.executor = executor;
        this.status = status;
        this.shown = shown;
    }

    /**
     * The shoot as opened: with {@code mine} (or no claim at all, when the claim file could not be
     * written) it is kept saved; with a {@code holder} it is read-only. Returns true when read-only.
     */
    boolean begin(Shoot s, ReviewClaim mine, ClaimOwner holder, long autosaveDelayMillis) {
        claim = mine;
        if (holder != null) {
            s.review().setReadOnly(true);
            readOnly.set(true);
            notice.set("Open for review by " + holder.describe() + ": read-only here. "
                    + "Open anyway takes it over; their window turns read-only, keeping what they saved.");
            return true;
        }
        s.keepSaved(
                autosaveDelayMillis,
                e -> executor.runOnUiThread(
                        () -> status.show("The review could not be saved beside the shoot: " + e.getMessage(), true)),
                saved -> {
                    // writer thread: was the claim taken over meanwhile? (the heartbeat also finds out, within 30 s)
                    boolean lost = mine != null && !stillHeld(mine);
                    executor.runOnUiThread(() -> saved(s, mine, saved, lost));
                });
        if (mine != null) {
            mine.keepAlive(now -> executor.runOnUiThread(() -> {
                if (shown.get() == s && claim == mine) {
                    lost(s, now);
                }
            }));
        }
        return false;
    }

    /**
     * The shoot closes: {@code saving} is its last save; the returned future completes once that (and a
     * save of a claim just lost) is on disk and the claim is given up.
     */
    CompletableFuture<Void> close(CompletableFuture<Void> saving) {
        CompletableFuture<Void> all = CompletableFuture.allOf(saving, stopped);
        ReviewClaim held = claim;
        claim = null;
        stopped = CompletableFuture.completedFuture(null);
        readOnly.set(false);
        notice.set("");
        return held == null ? all : all.whenComplete((ok, e) -> held.release());
    }

    private static boolean stillHeld(ReviewClaim c) {
        try {
            return c.isHeld();
        } catch (IOException e) {
            return true; // cannot tell now; the heartbeat tries again
        }
    }

    /** What a save found: another window's edits to show, a damaged file kept aside, a lost claim. */
    private void saved(Shoot s, ReviewClaim mine, ReviewStore.Saved saved, boolean lost) {
        if (shown.get() != s) {
            return;
        }
        List<PhotoReview> taken = s.review().adopt(saved.changed());
        if (saved.merged()) {
            status.show(
                    "Another window saved this shoot too; merged photo by photo (the newer edit of each wins)"
                            + (taken.isEmpty()
                                    ? "."
                                    : ": " + Words.plural(taken.size(), "photo") + " took its edits (" + names(taken)
                                            + ")."),
                    false);
        }
        if (saved.theirsLost()) {
            status.show(
                    "Another window saved this shoot with other room types; its review was replaced and kept in "
                            + "the backup file.",
                    true);
        }
        if (saved.damagedCopy() != null) {
            status.show(
                    "The damaged review file was kept as " + saved.damagedCopy().getFileName()
                            + " before it was saved again.",
                    false);
        }
        if (lost && claim == mine) {
            lost(s, ReviewClaim.holder(s.folder()));
        }
    }

    private static String names(List<PhotoReview> taken) {
        String first = taken.stream()
                .limit(3)
                .map(PhotoReview::fileName)
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        return taken.size() > 3 ? first + ", \u2026" : first;
    }

    /** Another window took the shoot over: what this one has is saved (merged), and it turns read-only. */
    private void lost(Shoot s, Optional<ClaimOwner> holder) {
        if (claim != null) {
            claim.release(); // stops its heartbeat; the file is the new holder's and stays
        }
        claim = null;
        s.review().setReadOnly(true);
        readOnly.set(true);
        stopped = s.stopSaving();
        notice.set("Taken over by " + holder.map(ClaimOwner::describe).orElse("another window")
                + ": read-only here now; your edits were saved, merged with theirs. Open anyway takes it back.");
        status.show(notice.get(), true);
    }

    /** The shoot is open for review elsewhere: nothing can be changed here. */
    ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** Who has the shoot open, when this window is read-only; empty otherwise. */
    ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
