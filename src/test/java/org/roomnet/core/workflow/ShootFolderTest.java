package org.roomnet.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.Machine;

class ShootFolderTest {

    @Test
    void listsRegularVisibleFilesByNameAndOptionallySubfolders(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.jpg"), "b");
        Files.writeString(dir.resolve("A.JPG"), "a");
        Files.writeString(dir.resolve(".roomnet-review"), "sidecar");
        Files.createDirectories(dir.resolve("Kitchen"));
        Files.writeString(dir.resolve("Kitchen/k.jpg"), "k");
        Files.createDirectories(dir.resolve(".cache"));
        Files.writeString(dir.resolve(".cache/x.jpg"), "x");

        assertEquals(List.of(dir.resolve("A.JPG"), dir.resolve("b.jpg")), ShootFolder.list(dir));
        assertEquals(
                List.of(dir.resolve("A.JPG"), dir.resolve("Kitchen/k.jpg"), dir.resolve("b.jpg")),
                ShootFolder.list(dir, true));
    }

    // Issue 9, point 10: an unreadable subfolder is reported and the listing goes on.

    @Test
    void anUnreadableSubfolderIsReportedAndTheRestIsListed(@TempDir Path dir) throws Exception {
        assumeFalse(Machine.isRoot(), "root reads a mode-000 folder; the next test covers root");
        Files.writeString(dir.resolve("a.jpg"), "a");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("x.jpg"), "x");
        Files.createDirectories(dir.resolve("open"));
        Files.writeString(dir.resolve("open/b.jpg"), "b");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            ShootFolder.Listing listing = ShootFolder.scan(dir, true);
            assertEquals(List.of(dir.resolve("a.jpg"), dir.resolve("open/b.jpg")), listing.files());
            assertEquals(
                    List.of(new ShootFolder.Problem(locked, "cannot read this folder: permission denied")),
                    listing.problems());
            assertEquals(listing.files(), ShootFolder.list(dir, true));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aSubfolderBeyondThePathLengthLimitIsReportedAndTheRestIsListed(@TempDir Path dir) throws Exception {
        // Unreadable even for root: its path is longer than the system's limit (4096 bytes on Linux).
        Files.writeString(dir.resolve("a.jpg"), "a");
        Path deep = Files.createDirectories(dir.resolve("deep"));
        try {
            assumeTrue(Machine.makePathBeyondTheLimit(deep), "this system's mkdir cannot make paths that long");
            ShootFolder.Listing listing = ShootFolder.scan(dir, true);
            assertEquals(List.of(dir.resolve("a.jpg")), listing.files());
            assertEquals(1, listing.problems().size(), listing.problems().toString());
            assertTrue(listing.problems().get(0).path().startsWith(deep));
            assertTrue(listing.problems().get(0).reason().startsWith("cannot read this folder"));
        } finally {
            Machine.removeTree(deep);
        }
    }
}
