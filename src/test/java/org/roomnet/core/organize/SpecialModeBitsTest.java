package org.roomnet.core.organize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roomnet.testing.Machine;

/**
 * Issue 18, minor point: setuid, setgid and sticky bits travel with a copy, so a move to another
 * file system (a verified copy) and its undo keep them, as {@code mv} does.
 */
class SpecialModeBitsTest extends ShootFixture {

    private static int mode(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:mode") & 07777;
    }

    @Test
    void aCopyKeepsSetuidSetgidAndStickyBits() throws Exception {
        Files.setAttribute(shoot.resolve("k1.jpg"), "unix:mode", 04755);
        Files.setAttribute(shoot.resolve("k2.jpg"), "unix:mode", 02750);
        Files.setAttribute(shoot.resolve("b1.jpg"), "unix:mode", 01644);
        assumeTrue(mode(shoot.resolve("k2.jpg")) == 02750, "this file system keeps setgid for our group");
        new Organizer(journals).organize(shoot, dest, TransferMode.COPY, assignments, OrganizeProgress.NONE);
        assertEquals(04755, mode(dest.resolve("Kitchen/k1.jpg")));
        assertEquals(02750, mode(dest.resolve("Kitchen/k2.jpg")));
        assertEquals(01644, mode(dest.resolve("Bathroom/b1.jpg")));
    }

    @Test
    void aMoveToAnotherFileSystemAndItsUndoKeepTheSetuidBit() throws Exception {
        Optional<Path> other = Machine.otherFileSystem(tmp);
        assumeTrue(other.isPresent(), "needs a second file system (tmpfs /dev/shm, say)");
        Path far = Files.createTempDirectory(other.get(), "roomnet-test");
        try {
            Path farShoot = Files.createDirectories(far.resolve("shoot"));
            List<Assignment> moved = photos(farShoot, "tool.jpg", "Kitchen");
            Files.setAttribute(moved.get(0).source(), "unix:mode", 04755);
            Map<String, String> before = snapshot(farShoot);
            new Organizer(journals).organize(farShoot, dest, TransferMode.MOVE, moved, OrganizeProgress.NONE);
            assertEquals(04755, mode(dest.resolve("Kitchen/tool.jpg")), "across file systems");
            new Undoer(journals).undoLast(farShoot);
            assertEquals(04755, mode(farShoot.resolve("tool.jpg")), "and back");
            assertEquals(before, snapshot(farShoot));
        } finally {
            Machine.removeTree(far);
        }
    }
}
