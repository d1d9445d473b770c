package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.workflow.ShootFolder;

class RestorePlanTest {

    @TempDir
    Path folder;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private SavedPhoto saved(Path file, String label) {
        return new SavedPhoto(
                Photos.sure(file, label).withAgentLabel("Bedroom"),
                FileStamp.of(file).orElseThrow());
    }

    @Test
    void withoutSidecarEverythingIsClassified() throws IOException {
        Path a = file("a.jpg", "a");
        RestorePlan plan = RestorePlan.of(Optional.empty(), List.of(a), Photos.CLASSES);
        assertEquals(List.of(a), plan.toClassify());
        assertEquals(Photos.CLASSES, plan.classNames());
        assertTrue(plan.restored().isEmpty());
    }

    @Test
    void unchangedFilesAreRestoredNewOnesClassifiedMissingOnesKeptAway() throws IOException {
        Path a = file("a.jpg", "a");
        Path b = file("b.jpg", "b");
        Path gone = file("gone.jpg", "g");
        SavedReview saved =
                new SavedReview("m", "1", Photos.CLASSES, List.of(saved(a, "Kitchen"), saved(gone, "Kitchen")));
        Files.delete(gone);
        Path c = file("c.jpg", "c");

        RestorePlan plan = RestorePlan.of(Optional.of(saved), List.of(a, b, c), Photos.CLASSES);

        assertEquals(
                List.of(a), plan.restored().stream().map(s -> s.review().file()).toList());
        assertEquals("Bedroom", plan.restored().get(0).review().agentLabel());
        assertEquals(List.of(b, c), plan.toClassify());
        assertEquals(
                List.of(gone), plan.away().stream().map(s -> s.review().file()).toList());
        assertEquals("Bedroom", plan.away().get(0).review().agentLabel());
        assertTrue(plan.carried().isEmpty());
        assertEquals(0, plan.dropped());
    }

    @Test
    void aChangedFileIsClassifiedAgain() throws IOException {
        Path a = file("a.jpg", "a");
        SavedReview saved = new SavedReview("m", "1", Photos.CLASSES, List.of(saved(a, "Kitchen")));
        Files.writeString(a, "another photo");
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_000));

        RestorePlan plan = RestorePlan.of(Optional.of(saved), List.of(a), Photos.CLASSES);

        assertEquals(List.of(a), plan.toClassify());
        assertEquals(1, plan.dropped());
    }

    @Test
    void aReviewOfOtherRoomTypesIsNotUsed() throws IOException {
        Path a = file("a.jpg", "a");
        SavedReview saved = new SavedReview("m", "1", Photos.CLASSES, List.of(saved(a, "Kitchen")));
        RestorePlan plan = RestorePlan.of(Optional.of(saved), List.of(a), List.of("Indoor", "Outdoor"));
        assertEquals(List.of(a), plan.toClassify());
        assertEquals(List.of("Indoor", "Outdoor"), plan.classNames());
        assertTrue(plan.note().contains("other room types"));
    }

    @Test
    void withoutModelTheSavedRoomTypesAreUsed() throws IOException {
        Path a = file("a.jpg", "a");
        SavedReview saved = new SavedReview("m", "1", Photos.CLASSES, List.of(saved(a, "Kitchen")));
        RestorePlan plan = RestorePlan.of(Optional.of(saved), List.of(a), null);
        assertEquals(Photos.CLASSES, plan.classNames());
        assertEquals(1, plan.restored().size());
    }

    @Test
    void savedPhotosOutsideThoseOpenedAreCarried() throws IOException {
        Path a = file("a.jpg", "a");
        Path other = file("other.jpg", "o");
        SavedReview saved =
                new SavedReview("m", "1", Photos.CLASSES, List.of(saved(a, "Kitchen"), saved(other, "Kitchen")));
        RestorePlan plan = RestorePlan.of(Optional.of(saved), List.of(a), Photos.CLASSES);
        assertEquals(1, plan.restored().size());
        assertEquals(
                List.of(other),
                plan.carried().stream().map(s -> s.review().file()).toList());
    }

    @Test
    void aSavedPhotoNotOpenedWhoseFileChangedIsDropped() throws IOException {
        Path a = file("a.jpg", "a");
        Path other = file("other.jpg", "o");
        SavedReview saved =
                new SavedReview("m", "1", Photos.CLASSES, List.of(saved(a, "Kitchen"), saved(other, "Kitchen")));
        Files.writeString(other, "another photo");

        RestorePlan plan = RestorePlan.of(Optional.of(saved), List.of(a), Photos.CLASSES);

        assertTrue(plan.carried().isEmpty());
        assertTrue(plan.away().isEmpty());
        assertEquals(1, plan.dropped());
    }

    @Test
    void keptIsTheCarriedThenThoseAway() throws IOException {
        Path a = file("a.jpg", "a");
        Path other = file("other.jpg", "o");
        Path gone = file("gone.jpg", "g");
        SavedReview saved = new SavedReview(
                "m",
                "1",
                Photos.CLASSES,
                List.of(saved(gone, "Kitchen"), saved(other, "Kitchen"), saved(a, "Kitchen")));
        Files.delete(gone);

        RestorePlan plan = RestorePlan.of(Optional.of(saved), List.of(a), Photos.CLASSES);

        assertEquals(
                List.of(other, gone),
                plan.kept().stream().map(s -> s.review().file()).toList());
    }

    /**
     * "Sort into Folders" with MOVE, the shoot opened again while the photos are out, "Undo Last Sort"
     * (a move back keeps name, size and modification time), the shoot opened again: the agent's
     * labels are back and nothing is classified.
     */
    @Test
    void photosMovedOutAndBackKeepTheirReviewThroughTheSidecar() throws IOException {
        Path a = file("a.jpg", "photo a");
        Path b = file("b.jpg", "photo b");
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_600_000_000_000L));
        PhotoReview labelled = Photos.sure(a, "Kitchen").withAgentLabel("Bathroom");
        SidecarAutosave first = new SidecarAutosave(folder, "m", "1", List.of(), List.of(), 60_000, e -> {});
        first.schedule(Photos.CLASSES, List.of(labelled, Photos.sure(b, "Bedroom")));
        first.closeAsync().join();
        Path sorted = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-sorted"));
        Files.move(a, sorted.resolve("a.jpg"));

        RestorePlan whileAway = RestorePlan.of(ReviewSidecar.read(folder), ShootFolder.list(folder), Photos.CLASSES);
        assertEquals(
                List.of(b),
                whileAway.restored().stream().map(s -> s.review().file()).toList());
        assertTrue(whileAway.toClassify().isEmpty());
        assertEquals(
                List.of(a),
                whileAway.away().stream().map(s -> s.review().file()).toList());
        SidecarAutosave second =
                new SidecarAutosave(folder, "m", "1", whileAway.kept(), whileAway.restored(), 60_000, e -> {});
        second.schedule(
                Photos.CLASSES,
                whileAway.restored().stream().map(SavedPhoto::review).toList());
        second.closeAsync().join();
        assertEquals(2, ReviewSidecar.read(folder).orElseThrow().photos().size(), "a.jpg stays in the sidecar");

        Files.move(sorted.resolve("a.jpg"), a);

        RestorePlan back = RestorePlan.of(ReviewSidecar.read(folder), ShootFolder.list(folder), Photos.CLASSES);
        assertTrue(back.toClassify().isEmpty(), "nothing classified again: " + back.toClassify());
        assertTrue(back.away().isEmpty());
        assertEquals(0, back.dropped());
        PhotoReview restored = back.restored().stream()
                .map(SavedPhoto::review)
                .filter(r -> r.file().equals(a))
                .findFirst()
                .orElseThrow();
        assertEquals(labelled, restored);
        assertEquals(
                new FileStamp(Files.size(a), 1_600_000_000_000L),
                FileStamp.of(a).orElseThrow());
    }

    @Test
    void aPhotoThatComesBackChangedIsClassifiedAgain() throws IOException {
        Path a = file("a.jpg", "a");
        SavedReview saved = new SavedReview("m", "1", Photos.CLASSES, List.of(saved(a, "Kitchen")));
        Files.delete(a);
        assertEquals(
                1,
                RestorePlan.of(Optional.of(saved), List.of(), Photos.CLASSES)
                        .away()
                        .size());

        file("a.jpg", "another photo under the same name");
        RestorePlan plan = RestorePlan.of(Optional.of(saved), List.of(a), Photos.CLASSES);

        assertEquals(List.of(a), plan.toClassify());
        assertTrue(plan.restored().isEmpty() && plan.away().isEmpty());
        assertEquals(1, plan.dropped());
    }
}
