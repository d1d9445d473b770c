package org.roomnet.core.organize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.roomnet.testing.Machine;

/** The holes of issue 9 in organize and undo: each test failed on the code before the fix. */
class OrganizerSafetyTest extends ShootFixture {

    /** Runs {@code test} in a fresh folder on another file system than the temporary folder (skipped where there is none). */
    private void onAnotherFileSystem(ThrowingConsumer<Path> test) throws Throwable {
        Optional<Path> other = Machine.otherFileSystem(tmp);
        assumeTrue(other.isPresent(), "needs a second file system (tmpfs /dev/shm, say)");
        Path far = Files.createTempDirectory(other.get(), "roomnet-test");
        try {
            test.accept(Files.createDirectories(far.resolve("shoot")));
        } finally {
            Machine.removeTree(far);
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    // 2. Every journal-changing command takes an exclusive lock per shoot.

    @Test
    void anUndoOrOrganizeStartedDuringARunIsRefusedAndNotCalledInterrupted() throws Exception {
        Map<String, String> before = snapshot(shoot);
        List<String> refusals = new ArrayList<>();
        OrganizeResult result = new Organizer(journals)
                .organize(shoot, dest, TransferMode.MOVE, assignments, (target, done, total) -> {
                    if (done == 2) {
                        refusals.add(assertThrows(OrganizeException.class, () -> new Undoer(journals).undoLast(shoot))
                                .getMessage());
                        refusals.add(assertThrows(
                                        OrganizeException.class,
                                        () -> new Organizer(journals)
                                                .organize(
                                                        shoot,
                                                        tmp.resolve("other"),
                                                        TransferMode.COPY,
                                                        assignments,
                                                        OrganizeProgress.NONE))
                                .getMessage());
                    }
                });
        assertEquals(4, result.transferred());
        assertEquals(2, refusals.size());
        for (String message : refusals) {
            assertTrue(message.contains("another organize or undo is working on"), message);
            assertFalse(message.contains("interrupted"), message);
        }
        UndoResult undo = new Undoer(journals).undoLast(shoot);
        assertEquals(4, undo.restored());
        assertEquals(before, snapshot(shoot));
    }

    @Test
    void anUndoInAnotherProcessIsRefusedByTheOsLockAlsoThroughASymbolicLinkToTheShoot() throws Exception {
        Map<String, String> before = snapshot(shoot);
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), shoot);
        List<Machine.Run> runs = new ArrayList<>();
        new Organizer(journals).organize(shoot, dest, TransferMode.MOVE, assignments, (target, done, total) -> {
            if (done == 2) {
                try {
                    runs.add(Machine.java(
                            List.of("-Droomnet.home=" + tmp.resolve("home")),
                            "org.roomnet.Launcher",
                            "undo",
                            alias.toString()));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        Machine.Run second = runs.get(0);
        assertEquals(4, second.exitCode(), second.output());
        assertTrue(second.output().contains("another organize or undo is working on"), second.output());

        UndoResult undo = new Undoer(journals).undoLast(alias); // the same shoot, whichever path names it
        assertEquals(4, undo.restored());
        assertEquals(before, snapshot(shoot));
    }

    // 3. A run that moves nothing writes no undoable journal; undo --list / --run.

    @Test
    void aRepeatedMoveThatMovesNothingDoesNotHideTheRunThatMoved() throws Exception {
        Map<String, String> before = snapshot(shoot);
        new Organizer(journals).organize(shoot, dest, TransferMode.MOVE, assignments, OrganizeProgress.NONE);
        OrganizeResult second =
                new Organizer(journals).organize(shoot, dest, TransferMode.MOVE, List.of(), OrganizeProgress.NONE);
        assertEquals(0, second.transferred());

        UndoResult undo = new Undoer(journals).undoLast(shoot);
        assertEquals(4, undo.restored());
        assertEquals(before, snapshot(shoot));
        assertFalse(Files.exists(dest));
        assertNull(second.journal(), "nothing moved, nothing to undo");
        OrganizeException again = assertThrows(OrganizeException.class, () -> new Undoer(journals).undoLast(shoot));
        assertTrue(again.getMessage().contains("nothing to undo"), again.getMessage());
    }

    @Test
    void runsAreListedAndUndoRunPicksOne() throws Exception {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        new Organizer(journals)
                .organize(shoot, first, TransferMode.COPY, assignments.subList(0, 2), OrganizeProgress.NONE);
        new Organizer(journals)
                .organize(shoot, second, TransferMode.COPY, assignments.subList(2, 4), OrganizeProgress.NONE);
        Undoer undoer = new Undoer(journals);
        List<OrganizeRun> runs = undoer.runs(shoot);
        assertEquals(2, runs.size());
        assertEquals(first, runs.get(0).destination());
        assertEquals(2, runs.get(0).files());
        assertTrue(runs.get(0).undoable() && runs.get(1).undoable());

        undoer.undoRun(shoot, runs.get(0).id());
        assertFalse(Files.exists(first));
        assertTrue(Files.exists(second.resolve("Bathroom/b1.jpg")), "the other run is untouched");
        assertEquals(
                List.of("undone", "done"),
                undoer.runs(shoot).stream().map(OrganizeRun::state).toList());

        undoer.undoLast(shoot);
        assertFalse(Files.exists(second));
    }

    // 4. Temporary names stay short whatever the photo's name.

    @Test
    void aNameOf255BytesIsCopiedAClashStaysWithinTheLimitAndUndoRemovesOnlyOurs() throws Exception {
        String name = "a".repeat(251) + ".jpg";
        List<Assignment> longOne = photos(shoot, name, "Kitchen");
        Files.createDirectories(dest.resolve("Kitchen"));
        Files.writeString(dest.resolve("Kitchen").resolve(name), "someone else's photo");

        OrganizeResult result =
                new Organizer(journals).organize(shoot, dest, TransferMode.COPY, longOne, OrganizeProgress.NONE);
        assertEquals(1, result.transferred());
        Path copy = dest.resolve("Kitchen").resolve("a".repeat(247) + " (1).jpg");
        assertEquals("photo " + name, Files.readString(copy));
        assertEquals(
                "someone else's photo", Files.readString(dest.resolve("Kitchen").resolve(name)));

        new Undoer(journals).undoLast(shoot);
        assertFalse(Files.exists(copy));
        assertTrue(Files.exists(dest.resolve("Kitchen").resolve(name)));
    }

    @Test
    void aLongNameSurvivesAMoveToAnotherFileSystemAndItsUndo() throws Throwable {
        onAnotherFileSystem(farShoot -> {
            List<Assignment> longOne = photos(farShoot, "b".repeat(246) + ".jpg", "Bedroom");
            Map<String, String> before = snapshot(farShoot);
            new Organizer(journals).organize(farShoot, dest, TransferMode.MOVE, longOne, OrganizeProgress.NONE);
            assertTrue(Files.exists(dest.resolve("Bedroom").resolve("b".repeat(246) + ".jpg")));
            UndoResult undo = new Undoer(journals).undoLast(farShoot);
            assertEquals(List.of(), undo.problems());
            assertEquals(before, snapshot(farShoot));
        });
    }

    // 6. Permissions and owner travel with the bytes.

    @Test
    void aCopyKeepsThePermissions() throws Exception {
        Files.setPosixFilePermissions(shoot.resolve("k1.jpg"), PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(shoot.resolve("k2.jpg"), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(shoot.resolve("b1.jpg"), PosixFilePermissions.fromString("rwxr-x---"));
        new Organizer(journals).organize(shoot, dest, TransferMode.COPY, assignments, OrganizeProgress.NONE);
        assertEquals("rw-------", mode(dest.resolve("Kitchen/k1.jpg")));
        assertEquals("r--r--r--", mode(dest.resolve("Kitchen/k2.jpg")));
        assertEquals("rwxr-x---", mode(dest.resolve("Bathroom/b1.jpg")));
    }

    @Test
    void aCopyKeepsTheOwnerWhereTheProcessMayGiveFilesAway() throws Exception {
        assumeTrue(Machine.isRoot(), "only root may make a file another user's");
        Files.setAttribute(shoot.resolve("k1.jpg"), "unix:uid", 4321);
        Files.setAttribute(shoot.resolve("k1.jpg"), "unix:gid", 4322);
        new Organizer(journals).organize(shoot, dest, TransferMode.COPY, assignments, OrganizeProgress.NONE);
        assertEquals(4321, Files.getAttribute(dest.resolve("Kitchen/k1.jpg"), "unix:uid"));
        assertEquals(4322, Files.getAttribute(dest.resolve("Kitchen/k1.jpg"), "unix:gid"));
    }

    @Test
    void aMoveToAnotherFileSystemAndItsUndoKeepPermissionsAndOwner() throws Throwable {
        onAnotherFileSystem(farShoot -> {
            List<Assignment> moved = photos(farShoot, "private.jpg", "Kitchen", "locked.jpg", "Kitchen");
            Files.setPosixFilePermissions(moved.get(0).source(), PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(moved.get(1).source(), PosixFilePermissions.fromString("r--r--r--"));
            if (Machine.isRoot()) {
                Files.setAttribute(moved.get(0).source(), "unix:uid", 4321);
            }
            Map<String, String> before = snapshot(farShoot);
            new Organizer(journals).organize(farShoot, dest, TransferMode.MOVE, moved, OrganizeProgress.NONE);
            assertEquals("rw-------", mode(dest.resolve("Kitchen/private.jpg")));
            assertEquals("r--r--r--", mode(dest.resolve("Kitchen/locked.jpg")));
            new Undoer(journals).undoLast(farShoot);
            assertEquals(before, snapshot(farShoot), "bytes, permissions and owner as they were");
        });
    }

    // 7. A rollback that could not finish is recorded, and undo finishes it.

    @Test
    void aRollbackThatCannotFinishIsRecordedAndUndoFinishesIt() throws Exception {
        Map<String, String> before = snapshot(shoot);
        Path unplugged = tmp.resolve("shoot-elsewhere");
        OrganizeException e = assertThrows(
                OrganizeException.class,
                () -> new Organizer(journals)
                        .organize(shoot, dest, TransferMode.MOVE, assignments, (target, done, total) -> {
                            if (done == 2) {
                                try {
                                    Files.move(shoot, unplugged); // the card is pulled: nothing can go back for now
                                } catch (IOException io) {
                                    throw new IllegalStateException(io);
                                }
                            }
                        }));
        assertTrue(e.getMessage().contains("Not every file could be put back"), e.getMessage());
        assertTrue(Files.exists(dest.resolve("Kitchen/k1.jpg")));

        Files.move(unplugged, shoot); // and put back in
        OrganizeException refused = assertThrows(
                OrganizeException.class,
                () -> new Organizer(journals)
                        .organize(shoot, dest, TransferMode.MOVE, assignments, OrganizeProgress.NONE));
        assertTrue(refused.getMessage().contains("could not put every file back"), refused.getMessage());

        UndoResult undo = new Undoer(journals).undoLast(shoot);
        assertTrue(undo.complete(), undo.problems().toString());
        assertEquals(2, undo.restored());
        assertEquals(before, snapshot(shoot));
        assertFalse(Files.exists(dest));
    }

    @Test
    void aDestinationMadeReadOnlyMidRunIsCleanedUpByUndo() throws Exception {
        assumeFalse(Machine.isRoot(), "root writes into read-only folders; the test above covers root");
        List<Assignment> kitchen = List.of(
                new Assignment(shoot.resolve("k1.jpg"), "Kitchen"),
                new Assignment(shoot.resolve("k2.jpg"), "Kitchen"),
                new Assignment(shoot.resolve("b1.jpg"), "Kitchen"));
        OrganizeException e = assertThrows(
                OrganizeException.class,
                () -> new Organizer(journals)
                        .organize(shoot, dest, TransferMode.COPY, kitchen, (target, done, total) -> {
                            if (done == 2) {
                                dest.resolve("Kitchen").toFile().setWritable(false, false);
                            }
                        }));
        assertTrue(e.getMessage().contains("Not every file could be put back"), e.getMessage());
        dest.resolve("Kitchen").toFile().setWritable(true, false);
        UndoResult undo = new Undoer(journals).undoLast(shoot);
        assertTrue(undo.complete(), undo.problems().toString());
        assertFalse(Files.exists(dest));
    }

    // 11. --into an existing file; a read-only source named as such.

    @Test
    void aDestinationThatIsAFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "not a folder");
        OrganizeException e = assertThrows(
                OrganizeException.class,
                () -> new Organizer(journals)
                        .organize(shoot, file, TransferMode.MOVE, assignments, OrganizeProgress.NONE));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
        assertFalse(e.getMessage().contains("put back"), e.getMessage());
        assertEquals("not a folder", Files.readString(file));
        assertTrue(new Undoer(journals).runs(shoot).isEmpty(), "no journal written");
    }

    @Test
    void aReadOnlySourceIsRefusedForAMoveBeforeAnythingMoves() throws Exception {
        assumeFalse(Machine.isRoot(), "root may remove files from a read-only folder (not from a read-only mount)");
        Map<String, String> before = snapshot(shoot);
        shoot.toFile().setWritable(false, false);
        try {
            OrganizeException e = assertThrows(
                    OrganizeException.class,
                    () -> new Organizer(journals)
                            .organize(shoot, dest, TransferMode.MOVE, assignments, OrganizeProgress.NONE));
            assertTrue(e.getMessage().contains("the source folder is read-only"), e.getMessage());
            assertFalse(e.getMessage().contains("destination"), e.getMessage());
            assertEquals(before, snapshot(shoot));
            assertFalse(Files.exists(dest));
        } finally {
            shoot.toFile().setWritable(true, false);
        }
    }

    @Test
    void aFailureOnAReadOnlySourceIsNotBlamedOnTheDestination() {
        FileSystemException onSource =
                new FileSystemException(shoot.resolve("k1.jpg").toString(), null, "Read-only file system");
        FileSystemException onDest =
                new FileSystemException(dest.resolve("Kitchen/k1.jpg").toString(), null, "Read-only file system");
        assertTrue(
                Organizer.describe(onSource, dest).startsWith("the source is read-only"),
                Organizer.describe(onSource, dest));
        assertTrue(
                Organizer.describe(onDest, dest).startsWith("the destination is read-only"),
                Organizer.describe(onDest, dest));
    }

    // 13. The free-space margin is proportional.

    @Test
    void aFewPhotosFitASmallVolume() throws Exception {
        try (FileSystem fs = card(3L * 1024 * 1024)) {
            List<Assignment> small = photosOnACard(fs, 280 * 1024);
            OrganizeResult result = new Organizer(journals)
                    .organize(
                            fs.getPath("/shoot"),
                            fs.getPath("/sorted"),
                            TransferMode.COPY,
                            small,
                            OrganizeProgress.NONE);
            assertEquals(3, result.transferred(), "840 KB into a volume with about 2 MB free");
        }
    }

    @Test
    void theMarginIsOnePercentAndAtLeastOneMebibyte() {
        assertEquals(1L << 20, Organizer.spaceMargin(840L * 1024));
        assertEquals(10_000_000L, Organizer.spaceMargin(1_000_000_000L));
    }
}
