package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roomnet.core.organize.Assignment;
import org.roomnet.core.report.Report;
import org.roomnet.core.report.ReportRow;

class ReviewTest {

    private final Path folder = Path.of("/shoot").toAbsolutePath();
    private final Path a = folder.resolve("a.jpg");
    private final Path b = folder.resolve("b.jpg");
    private final Path c = folder.resolve("c.jpg");
    private final Path broken = folder.resolve("broken.jpg");

    private Review review() {
        Review r = new Review(folder, Photos.CLASSES);
        r.addAll(List.of(
                Photos.sure(a, "Kitchen"),
                Photos.sure(b, "Kitchen"),
                Photos.photo(c, "Bedroom", 0.4f, 0.3f),
                PhotoReview.unreadable(broken, "corrupt image")));
        return r;
    }

    private static String label(Review r, Path f) {
        return r.get(f).orElseThrow().finalLabel();
    }

    @Test
    void relabellingSetsTheAgentsLabelAndKeepsTheModels() {
        Review r = review();
        assertTrue(r.relabel(List.of(a), "Bathroom"));
        PhotoReview p = r.get(a).orElseThrow();
        assertEquals("Bathroom", p.finalLabel());
        assertEquals("Kitchen", p.modelLabel());
        assertTrue(p.isCorrected());
        assertEquals(1, r.correctedCount());
    }

    @Test
    void relabellingSeveralPhotosIsOneUndoableStep() {
        Review r = review();
        r.relabel(List.of(a, b, c), "LivingRoom");
        assertEquals(Map.of("LivingRoom", 3), nonZero(r.countsByLabel()));
        r.undo();
        assertEquals("Kitchen", label(r, a));
        assertEquals("Kitchen", label(r, b));
        assertEquals("Bedroom", label(r, c));
        assertFalse(r.canUndo());
        assertTrue(r.canRedo());
    }

    @Test
    void undoAndRedoWalkTheHistoryInOrder() {
        Review r = review();
        r.relabel(List.of(a), "Bathroom");
        r.relabel(List.of(a), "Bedroom");
        r.undo();
        assertEquals("Bathroom", label(r, a));
        r.undo();
        assertEquals("Kitchen", label(r, a));
        assertTrue(r.get(a).orElseThrow().agentLabel() == null);
        assertTrue(r.undo().isEmpty());
        r.redo();
        assertEquals("Bathroom", label(r, a));
        r.redo();
        assertEquals("Bedroom", label(r, a));
        assertTrue(r.redo().isEmpty());
    }

    @Test
    void aNewEditClearsWhatCouldBeRedone() {
        Review r = review();
        r.relabel(List.of(a), "Bathroom");
        r.undo();
        r.relabel(List.of(b), "Bedroom");
        assertFalse(r.canRedo());
    }

    @Test
    void relabellingToTheSameAgentLabelIsNoEdit() {
        Review r = review();
        r.relabel(List.of(a), "Bathroom");
        assertFalse(r.relabel(List.of(a), "Bathroom"));
        r.undo();
        assertFalse(r.canUndo());
    }

    @Test
    void confirmingTheModelsLabelIsAnUndoableEdit() {
        Review r = review();
        assertTrue(r.relabel(List.of(c), "Bedroom"));
        assertTrue(r.get(c).orElseThrow().isReviewed());
        assertEquals(0, r.needsReviewCount());
        r.undo();
        assertEquals(1, r.needsReviewCount());
    }

    @Test
    void unreadableFilesCannotBeRelabelled() {
        Review r = review();
        assertFalse(r.relabel(List.of(broken), "Kitchen"));
        assertEquals(1, r.unreadableCount());
    }

    @Test
    void anUnknownRoomTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> review().relabel(List.of(a), "Garage"));
    }

    @Test
    void listenersHearEditsUndosAndAdditions() {
        Review r = new Review(folder, Photos.CLASSES);
        List<String> heard = new ArrayList<>();
        r.addListener(new ReviewListener() {
            @Override
            public void photosAdded(List<PhotoReview> photos) {
                heard.add("added " + photos.size());
            }

            @Override
            public void photosChanged(List<PhotoReview> photos) {
                heard.add("changed " + photos.get(0).finalLabel());
            }

            @Override
            public void historyChanged() {
                heard.add("history");
            }
        });
        r.add(Photos.sure(a, "Kitchen"));
        r.relabel(List.of(a), "Bedroom");
        r.undo();
        assertEquals(List.of("added 1", "changed Bedroom", "history", "changed Kitchen", "history"), heard);
    }

    @Test
    void theReportShowsFinalAndModelLabelAndCorrections() {
        Review r = review();
        r.relabel(List.of(a), "Bathroom");
        Report report = Report.of(r.classNames(), folder, r.photos(), ListingChecklist.DEFAULT);
        assertEquals(Photos.CLASSES, report.classNames());
        assertEquals(4, report.rows().size());
        ReportRow row = report.rows().get(0);
        assertEquals("a.jpg", row.file());
        assertEquals(folder.toString(), row.folder());
        assertEquals("Bathroom", row.label());
        assertEquals("Kitchen", row.modelLabel());
        assertTrue(row.corrected());
        assertTrue(row.reviewed());
        assertEquals(0.9f, row.confidence());
        assertFalse(report.rows().get(1).corrected());
        assertFalse(report.rows().get(1).reviewed());
        ReportRow unreadable = report.rows().get(2);
        assertEquals("broken.jpg", unreadable.file(), "rows sorted by file");
        assertFalse(unreadable.isClassified());
        assertEquals("corrupt image", unreadable.error());
        assertEquals(1, report.countsByLabel().get("Bathroom"));
        assertEquals(2, report.unreviewedCount());
        assertTrue(report.missingListingRooms().contains("Frontyard"));
    }

    @Test
    void reviewedCountsConfirmedAndCorrectedPhotosButNotUnreadableOnes() {
        Review r = review();
        assertEquals(3, r.readableCount());
        assertEquals(0, r.reviewedCount());
        r.relabel(List.of(a), "Kitchen");
        r.relabel(List.of(c), "Kitchen");
        assertEquals(2, r.reviewedCount());
        assertEquals(1, r.correctedCount());
        r.undo();
        assertEquals(1, r.reviewedCount());
    }

    @Test
    void anEditRecordsEachPhotoBeforeAndAfter() {
        Review r = review();
        r.relabel(List.of(a, b), "Bedroom");
        ReviewEdit edit = r.nextUndo().orElseThrow();
        assertEquals("Label 2 photos as Bedroom", edit.description());
        assertEquals(2, edit.changes().size());
        assertEquals(null, edit.changes().get(0).before().agentLabel());
        assertEquals("Bedroom", edit.changes().get(0).after().agentLabel());
    }

    @Test
    void sortingAssignsEveryReadablePhotoToItsFinalLabel() {
        Review r = review();
        r.relabel(List.of(b), "Bathroom");
        assertEquals(
                List.of(new Assignment(a, "Kitchen"), new Assignment(b, "Bathroom"), new Assignment(c, "Bedroom")),
                r.assignments(false));
    }

    private static Map<String, Integer> nonZero(Map<String, Integer> counts) {
        Map<String, Integer> m = new java.util.HashMap<>(counts);
        m.values().removeIf(v -> v == 0);
        return m;
    }

    @Test
    void rejectingIsOneUndoableStepAndXAgainTakesThemBack() {
        Review r = review();
        assertTrue(r.toggleRejected(List.of(a, b, broken)));
        assertTrue(r.get(a).orElseThrow().listing().rejected());
        assertFalse(r.get(broken).orElseThrow().listing().rejected(), "an unreadable file is never in the listing");
        assertEquals("Reject 2 photos", r.nextUndo().orElseThrow().description());
        assertEquals(
                Map.of("Kitchen", 0, "Bedroom", 1),
                Map.of(
                        "Kitchen",
                        r.listableCountsByLabel().get("Kitchen"),
                        "Bedroom",
                        r.listableCountsByLabel().get("Bedroom")));
        assertEquals(2, r.countsByLabel().get("Kitchen"), "rejected photos still count in their room");
        // one of the two rejected: X rejects the other too; all rejected: X takes them back
        assertTrue(r.toggleRejected(List.of(a, c)));
        assertTrue(r.get(c).orElseThrow().listing().rejected());
        assertTrue(r.toggleRejected(List.of(a, c)));
        assertFalse(r.get(a).orElseThrow().listing().rejected());
        r.undo();
        r.undo();
        r.undo();
        assertFalse(r.get(a).orElseThrow().listing().rejected());
        assertFalse(r.canUndo());
        r.redo();
        assertTrue(r.get(b).orElseThrow().listing().rejected());
    }

    @Test
    void thereIsOneCoverAndMakingAnotherMovesIt() {
        Review r = review();
        assertTrue(r.toggleCover(a));
        assertTrue(r.toggleCover(b));
        assertFalse(r.get(a).orElseThrow().listing().cover());
        assertTrue(r.get(b).orElseThrow().listing().cover());
        assertEquals("Make b.jpg the cover", r.nextUndo().orElseThrow().description());
        r.undo();
        assertTrue(r.get(a).orElseThrow().listing().cover());
        assertFalse(r.get(b).orElseThrow().listing().cover());
        // rejecting the cover takes the cover away; making a rejected photo the cover takes it back
        assertTrue(r.toggleRejected(List.of(a)));
        assertFalse(r.get(a).orElseThrow().listing().cover());
        assertTrue(r.toggleCover(a));
        assertFalse(r.get(a).orElseThrow().listing().rejected());
        // C on the cover: no cover
        assertTrue(r.toggleCover(a));
        assertFalse(r.get(a).orElseThrow().listing().cover());
        assertFalse(r.toggleCover(broken));
    }

    @Test
    void theReportsChecklistLeavesRejectedPhotosOut() {
        Review r = review();
        r.toggleRejected(List.of(c)); // the only Bedroom
        Report report =
                Report.of(r.classNames(), folder, r.photos(), new ListingChecklist(List.of("Kitchen", "Bedroom")));
        assertEquals(List.of(), report.missingListingRooms(), "without the listing, every intact photo counts");
        Report withListing = report.withListing(org.roomnet.core.listing.ListingPlan.of(
                r.photos(),
                org.roomnet.core.listing.ListingOrder.DEFAULT,
                org.roomnet.core.listing.ListingPreset.WEB,
                org.roomnet.core.listing.NamePattern.defaultPattern(),
                p -> java.util.Optional.empty(),
                "shoot"));
        assertEquals(List.of("Bedroom"), withListing.missingListingRooms());
        assertEquals(1, withListing.listing().rejected().size());
    }
}
