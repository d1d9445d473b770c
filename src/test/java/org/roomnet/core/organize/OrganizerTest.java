package org.roomnet.core.organize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganizerTest extends ShootFixture {

    @Test
    void copyPutsEachPhotoInItsRoomFolderAndLeavesTheShootAsItWas() throws Exception {
        Map<String, String> before = snapshot(shoot);
        OrganizeResult result =
                new Organizer(journals).organize(shoot, dest, TransferMode.COPY, assignments, OrganizeProgress.NONE);
        assertEquals(4, result.transferred());
        assertEquals(before, snapshot(shoot));
        assertEquals("photo k1.jpg", Files.readString(dest.resolve("Kitchen/k1.jpg")));
        assertEquals("photo b1.jpg", Files.readString(dest.resolve("Bathroom/b1.jpg")));
        assertEquals(Map.of("Kitchen", 2, "Bathroom", 1, "Frontyard", 1), result.perRoomType());
    }

    @Test
    void moveEmptiesTheShootOfClassifiedPhotosOnlyAndUndoRestoresItExactly() throws Exception {
        Map<String, String> before = snapshot(shoot);
        new Organizer(journals).organize(shoot, dest, TransferMode.MOVE, assignments, OrganizeProgress.NONE);
        assertFalse(Files.exists(shoot.resolve("k1.jpg")));
        assertTrue(Files.exists(shoot.resolve("broken.jpg")), "unreadable files stay where they are");
        assertEquals("photo f1.jpg", Files.readString(dest.resolve("Frontyard/f1.jpg")));

        UndoResult undo = new Undoer(journals).undoLast(shoot);
        assertEquals(4, undo.restored());
        assertEquals(List.of(), undo.problems());
        assertEquals(before, snapshot(shoot));
        assertFalse(Files.exists(dest), "folders the run created are removed");
    }

    @Test
    void undoOfACopyRemovesOnlyTheCopies() throws Exception {
        Files.createDirectories(dest.resolve("Kitchen"));
        Files.writeString(dest.resolve("Kitchen/older.jpg"), "was there before");
        Map<String, String> destBefore = snapshot(dest);
        new Organizer(journals).organize(shoot, dest, TransferMode.COPY, assignments, OrganizeProgress.NONE);
        new Undoer(journals).undoLast(shoot);
        assertEquals(destBefore, snapshot(dest));
    }

    @Test
    void nameClashGetsASuffixAndNeverOverwrites() throws Exception {
        Files.createDirectories(dest.resolve("Kitchen"));
        Files.writeString(dest.resolve("Kitchen/k1.jpg"), "someone else's k1");
        Files.writeString(dest.resolve("Kitchen/k1 (1).jpg"), "and another");
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("k2.jpg"), "a second k2 from another folder");
        List<Assignment> withDuplicateName = new ArrayList<>(assignments);
        withDuplicateName.add(new Assignment(other.resolve("k2.jpg"), "Kitchen"));

        new Organizer(journals).organize(shoot, dest, TransferMode.COPY, withDuplicateName, OrganizeProgress.NONE);
        assertEquals("someone else's k1", Files.readString(dest.resolve("Kitchen/k1.jpg")));
        assertEquals("and another", Files.readString(dest.resolve("Kitchen/k1 (1).jpg")));
        assertEquals("photo k1.jpg", Files.readString(dest.resolve("Kitchen/k1 (2).jpg")));
        assertEquals("photo k2.jpg", Files.readString(dest.resolve("Kitchen/k2.jpg")));
        assertEquals("a second k2 from another folder", Files.readString(dest.resolve("Kitchen/k2 (1).jpg")));
    }

    @Test
    void aRunKilledHalfwayIsRepairedByUndoAndBlocksANewRunUntilThen() throws Exception {
        Map<String, String> before = snapshot(shoot);
        class Killed extends RuntimeException {}
        assertThrows(
                Killed.class,
                () -> new Organizer(journals)
                        .organize(shoot, dest, TransferMode.MOVE, assignments, (target, done, total) -> {
                            if (done == 2) {
                                throw new Killed(); // the process dies after two files
                            }
                        }));
        // The third file was caught mid-move: its proof of ownership recorded (that comes first), linked into
        // place, but not yet removed from the shoot; and half a copy of the fourth under the run's temporary name.
        try (Journal journal = Journal.read(journals.journals(shoot).get(0))) {
            journal.openForAppend();
            journal.wrote(2, FileIdentity.of(shoot.resolve("b1.jpg")));
            Files.createDirectories(dest.resolve("Bathroom"));
            Files.createLink(dest.resolve("Bathroom/b1.jpg"), shoot.resolve("b1.jpg"));
            Files.writeString(FileTransfer.partFile(dest.resolve("Frontyard/f1.jpg"), journal.token()), "half a copy");
        }

        OrganizeException refused = assertThrows(
                OrganizeException.class,
                () -> new Organizer(journals)
                        .organize(shoot, dest, TransferMode.MOVE, assignments, OrganizeProgress.NONE));
        assertTrue(refused.getMessage().contains("interrupted"), refused.getMessage());

        UndoResult undo = new Undoer(journals).undoLast(shoot);
        assertEquals(List.of(), undo.problems());
        assertEquals(before, snapshot(shoot));
        assertFalse(Files.exists(dest));
    }

    @Test
    void aFailurePartWayPutsEveryFileBack() throws Exception {
        Map<String, String> before = snapshot(shoot);
        OrganizeException e = assertThrows(
                OrganizeException.class,
                () -> new Organizer(journals)
                        .organize(shoot, dest, TransferMode.MOVE, assignments, (target, done, total) -> {
                            if (done == 2) {
                                try {
                                    // the next source vanishes (unplugged drive, say): its move fails
                                    Files.move(shoot.resolve("b1.jpg"), tmp.resolve("b1-elsewhere.jpg"));
                                } catch (IOException io) {
                                    throw new IllegalStateException(io);
                                }
                            }
                        }));
        assertTrue(e.getMessage().contains("b1.jpg"), e.getMessage());
        Files.move(tmp.resolve("b1-elsewhere.jpg"), shoot.resolve("b1.jpg"));
        assertEquals(before, snapshot(shoot));
        assertFalse(Files.exists(dest), "no half-done state");
        assertThrows(OrganizeException.class, () -> new Undoer(journals).undoLast(shoot), "nothing left to undo");
    }

    @Test
    void aDestinationThatCannotBeWrittenGivesAClearErrorAndChangesNothing() throws Exception {
        Map<String, String> before = snapshot(shoot);
        Path readOnly = readOnlyDestination();
        OrganizeException e = assertThrows(
                OrganizeException.class,
                () -> new Organizer(journals)
                        .organize(shoot, readOnly, TransferMode.MOVE, assignments, OrganizeProgress.NONE));
        assertTrue(
                e.getMessage().contains("cannot write to") && e.getMessage().contains("Nothing was changed"),
                e.getMessage());
        assertEquals(before, snapshot(shoot));
    }

    /** A read-only place even for root (CI runs as root): /sys in containers, else a chmod'ed folder. */
    private Path readOnlyDestination() throws IOException {
        Path sys = Path.of("/sys/roomnet-test-destination");
        if (Files.isDirectory(Path.of("/sys")) && !Files.isWritable(Path.of("/sys"))) {
            return sys;
        }
        try {
            Files.createDirectory(sys);
            Files.delete(sys);
        } catch (IOException expected) {
            return sys; // /sys refuses new folders: read-only file system
        }
        Path dir = Files.createDirectories(tmp.resolve("readonly"));
        dir.toFile().setWritable(false, false);
        return dir.resolve("sorted");
    }

    @Test
    void aFullDestinationIsDetectedBeforeAnyFileIsTouched() throws Exception {
        try (FileSystem fs = card(8L * 1024 * 1024)) {
            List<Assignment> big = photosOnACard(fs, 2 * 1024 * 1024);
            Path small = fs.getPath("/shoot");
            Map<String, String> before = snapshot(small);
            OrganizeException e = assertThrows(
                    OrganizeException.class,
                    () -> new Organizer(journals)
                            .organize(small, fs.getPath("/sorted"), TransferMode.COPY, big, OrganizeProgress.NONE));
            assertTrue(e.getMessage().contains("not enough free space"), e.getMessage());
            assertEquals(before, snapshot(small));
            assertFalse(Files.exists(fs.getPath("/sorted")));
        }
    }

    @Test
    void aCopyKeepsTheOriginalsModificationTime() throws Exception {
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L);
        Files.setLastModifiedTime(shoot.resolve("k1.jpg"), old);
        new Organizer(journals).organize(shoot, dest, TransferMode.COPY, assignments, OrganizeProgress.NONE);
        assertEquals(old, Files.getLastModifiedTime(dest.resolve("Kitchen/k1.jpg")));
    }

    @Test
    void undoWithoutAnyRunSaysSo() {
        OrganizeException e = assertThrows(OrganizeException.class, () -> new Undoer(journals).undoLast(shoot));
        assertTrue(e.getMessage().contains("no organize run"), e.getMessage());
    }

    @Test
    void journalEscapesAwkwardPaths() {
        String awkward = "a\tb\\c\nd";
        assertEquals(
                awkward,
                org.roomnet.core.util.TabSeparated.unescape(org.roomnet.core.util.TabSeparated.escape(awkward)));
    }
}
