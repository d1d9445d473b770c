package org.roomnet.core.organize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, point 1: undo and rollback remove or move back only a file their own run wrote (decision
 * 0012). Shoot B is an exact copy of shoot A (bytes, size and modification time), as in the audit.
 */
class UndoOwnershipTest extends ShootFixture {

    private static final int PHOTOS = 30;

    private Path shootA;
    private Path shootB;
    private List<Assignment> a;
    private List<Assignment> b;

    private void identicalShoots() throws IOException {
        shootA = Files.createDirectories(tmp.resolve("shoot-a"));
        shootB = Files.createDirectories(tmp.resolve("shoot-b"));
        a = new ArrayList<>();
        b = new ArrayList<>();
        for (int i = 0; i < PHOTOS; i++) {
            String name = String.format("p%02d.jpg", i);
            String room = i % 3 == 0 ? "Kitchen" : "Bedroom";
            Path photo = Files.writeString(shootA.resolve(name), "the same photo " + i);
            a.add(new Assignment(photo, room));
            b.add(new Assignment(Files.copy(photo, shootB.resolve(name), StandardCopyOption.COPY_ATTRIBUTES), room));
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static class Killed extends RuntimeException {}

    @Test
    void undoOfARunKilledAfterTenPhotosLeavesThePhotosAnIdenticalShootMovedIntoItsNames() throws Exception {
        identicalShoots();
        Map<String, String> beforeA = snapshot(shootA);
        Map<String, String> beforeB = snapshot(shootB);
        assertThrows(
                Killed.class,
                () -> new Organizer(journals).organize(shootA, dest, TransferMode.MOVE, a, (target, done, total) -> {
                    if (done == 10) {
                        throw new Killed(); // kill -9 after 10 photos: the journal says "running"
                    }
                }));
        OrganizeResult moveB =
                new Organizer(journals).organize(shootB, dest, TransferMode.MOVE, b, OrganizeProgress.NONE);
        assertEquals(PHOTOS, moveB.transferred());
        Map<String, String> destWithB = snapshot(dest);

        UndoResult undoA = new Undoer(journals).undoLast(shootA);

        assertEquals(beforeA, snapshot(shootA), "A's photos are back");
        assertEquals(PHOTOS, filesUnder(dest).size(), "every photo B moved is still there");
        for (Path p : filesUnder(dest)) {
            assertEquals(
                    destWithB.get(dest.relativize(p).toString()),
                    snapshot(dest).get(dest.relativize(p).toString()));
        }
        assertEquals(10, undoA.restored(), undoA.summary());
        assertEquals(PHOTOS - 10, undoA.notWritten().size(), undoA.notWritten().toString());
        assertEquals("left: 20 files at targets that this run did not write", undoA.notWrittenSummary());

        UndoResult undoB = new Undoer(journals).undoLast(shootB);
        assertEquals(PHOTOS, undoB.restored(), undoB.problems().toString());
        assertEquals(List.of(), undoB.notWritten());
        assertEquals(beforeB, snapshot(shootB), "B's undo still finds every one of its photos");
        assertEquals(List.of(), filesUnder(dest));
    }

    @Test
    void aRollbackLeavesThePhotosAConcurrentRunMovedIntoItsPlannedNames() throws Exception {
        identicalShoots();
        Map<String, String> beforeA = snapshot(shootA);
        Map<String, String> beforeB = snapshot(shootB);
        OrganizeException failed = assertThrows(
                OrganizeException.class,
                () -> new Organizer(journals).organize(shootA, dest, TransferMode.MOVE, a, (target, done, total) -> {
                    if (done == 2) { // B, another shoot (its own lock), moves into the same folder meanwhile
                        try {
                            new Organizer(journals).organize(shootB, dest, TransferMode.MOVE, b, OrganizeProgress.NONE);
                        } catch (OrganizeException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }));
        assertTrue(
                failed.getMessage().contains("left: 28 files at targets that this run did not write"),
                failed.getMessage());
        assertEquals(beforeA, snapshot(shootA), "A rolled back");
        assertEquals(PHOTOS, filesUnder(dest).size(), "none of B's photos was deleted by A's rollback");

        UndoResult undoB = new Undoer(journals).undoLast(shootB);
        assertEquals(PHOTOS, undoB.restored(), undoB.problems().toString());
        assertEquals(beforeB, snapshot(shootB));
        assertEquals(List.of(), filesUnder(dest));
    }

    @Test
    void aCopyRunsUndoLeavesAnIdenticalCopyItDidNotMake() throws Exception {
        identicalShoots();
        assertThrows(
                Killed.class,
                () -> new Organizer(journals).organize(shootA, dest, TransferMode.COPY, a, (target, done, total) -> {
                    if (done == 5) {
                        throw new Killed();
                    }
                }));
        new Organizer(journals).organize(shootB, dest, TransferMode.MOVE, b, OrganizeProgress.NONE);
        UndoResult undoA = new Undoer(journals).undoLast(shootA);
        assertEquals(5, undoA.restored());
        assertEquals(PHOTOS, filesUnder(dest).size(), "B's moved photos (their only copy) stay");
    }

    @Test
    void aFileAtATargetThatTheRunNeverReachedIsLeftEvenWhenItIsTheSameFileAsTheSource() throws Exception {
        Map<String, String> before = snapshot(shoot);
        assertThrows(
                Killed.class,
                () -> new Organizer(journals)
                        .organize(shoot, dest, TransferMode.MOVE, assignments, (target, done, total) -> {
                            if (done == 2) {
                                throw new Killed();
                            }
                        }));
        // No proof was recorded for b1.jpg: the run never wrote there. Someone else linked it in.
        Files.createDirectories(dest.resolve("Bathroom"));
        Files.createLink(dest.resolve("Bathroom/b1.jpg"), shoot.resolve("b1.jpg"));

        UndoResult undo = new Undoer(journals).undoLast(shoot);
        assertEquals(2, undo.restored());
        assertEquals(List.of(dest.resolve("Bathroom/b1.jpg")), undo.notWritten());
        assertTrue(Files.exists(dest.resolve("Bathroom/b1.jpg")));
        assertEquals(before, snapshot(shoot));
    }

    @Test
    void aCopyChangedSinceTheRunWroteItIsLeftAndReported() throws Exception {
        new Organizer(journals).organize(shoot, dest, TransferMode.COPY, assignments, OrganizeProgress.NONE);
        Path copy = dest.resolve("Kitchen/k1.jpg");
        Files.setLastModifiedTime(copy, FileTime.fromMillis(1_000_000_000_000L)); // touched in an editor, say

        UndoResult undo = new Undoer(journals).undoLast(shoot);
        assertEquals(3, undo.restored());
        assertTrue(Files.exists(copy));
        assertTrue(
                undo.problems().stream().anyMatch(p -> p.contains("was changed since this run wrote it")),
                undo.problems().toString());
    }

    @Test
    void theProofIsForcedToTheJournalBeforeTheSourceIsRemoved() throws Exception {
        List<String> seen = new ArrayList<>();
        new Organizer(journals).organize(shoot, dest, TransferMode.MOVE, assignments, (target, done, total) -> {
            try {
                Path journal = journals.journals(shoot).get(0);
                seen.add(Journal.read(journal).written(done - 1) == null ? "no proof" : "proof");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(List.of("proof", "proof", "proof", "proof"), seen);
        Journal read = Journal.read(journals.journals(shoot).get(0));
        assertEquals(FileIdentity.of(dest.resolve("Kitchen/k1.jpg")), read.written(0));
    }

    @Test
    void aJournalOfTheEarlierVersionMovesPhotosBackButDeletesNothing() throws Exception {
        Files.createDirectories(dest.resolve("Kitchen"));
        Path moved = Files.move(shoot.resolve("k1.jpg"), dest.resolve("Kitchen/k1.jpg"));
        Path sameBytes = Files.writeString(dest.resolve("Kitchen/k2.jpg"), "photo k2.jpg"); // not provably ours
        Path journal = journals.newJournalFile(shoot);
        Files.createDirectories(journal.getParent());
        Files.writeString(
                journal,
                String.join(
                                "\n",
                                "ROOMNET-JOURNAL\t1",
                                "SOURCE\t" + shoot,
                                "DEST\t" + dest,
                                "MODE\tMOVE",
                                "PLAN\t0\t" + shoot.resolve("k1.jpg") + "\t" + moved,
                                "PLAN\t1\t" + shoot.resolve("k2.jpg") + "\t" + sameBytes,
                                "PLANNED\t2",
                                "DONE\t0\t-",
                                "")
                        + "\n",
                StandardCharsets.UTF_8);

        UndoResult undo = new Undoer(journals).undoLast(shoot);
        assertEquals(1, undo.restored());
        assertEquals("photo k1.jpg", Files.readString(shoot.resolve("k1.jpg")));
        assertTrue(Files.exists(sameBytes), "a version-1 journal cannot prove it wrote this copy");
        assertFalse(Files.exists(moved));
    }
}
