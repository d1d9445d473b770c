package org.roomnet.core.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestorePlanTest {

    @TempDir
    Path folder;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private SavedPhoto saved(Path file, String label) {
        return new SavedPhoto(Photos.sure(file, label).withAgentLabel("Bedroom"), FileStamp.of(file).orElseThrow());
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
    void unchangedFilesAreRestoredNewOnesClassifiedMissingOnesDropped() throws IOException {
        Path a = file("a.jpg", "a");
        Path b = file("b.jpg", "b");
        Path gone = file("gone.jpg", "g");
        SavedReview saved = new SavedReview("m", "1", Photos.CLASSES, List.of(saved(a, "Kitchen"), saved(gone, "Kitchen")));
        Files.delete(gone);
        Path c = file("c.jpg", "c");

        RestorePlan plan = RestorePlan.of(Optional.of(saved), List.of(a, b, c), Photos.CLASSES);

        assertEquals(List.of(a), plan.restored().stream().map(s -> s.review().file()).toList());
        assertEquals("Bedroom", plan.restored().get(0).review().agentLabel());
        assertEquals(List.of(b, c), plan.toClassify());
        assertEquals(1, plan.dropped());
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
        SavedReview saved = new SavedReview("m", "1", Photos.CLASSES, List.of(saved(a, "Kitchen"), saved(other, "Kitchen")));
        RestorePlan plan = RestorePlan.of(Optional.of(saved), List.of(a), Photos.CLASSES);
        assertEquals(1, plan.restored().size());
        assertEquals(List.of(other), plan.carried().stream().map(s -> s.review().file()).toList());
    }
}
