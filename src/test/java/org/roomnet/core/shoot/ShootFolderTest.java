package org.roomnet.core.shoot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(List.of(dir.resolve("A.JPG"), dir.resolve("Kitchen/k.jpg"), dir.resolve("b.jpg")),
                ShootFolder.list(dir, true));
    }
}
