package org.roomnet.batch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    @TempDir
    Path dir;

    @Test
    void aNewOrEmptyFolderIsTaken() throws Exception {
        assertDoesNotThrow(() -> OutputFolder.check(dir.resolve("new").toString(), false, new Configuration()));
        assertDoesNotThrow(() -> OutputFolder.check(dir.toString(), false, new Configuration()));
    }

    @Test
    void anEarlierRunIsReplacedOnlyWithOverwrite() throws Exception {
        Files.createDirectories(dir.resolve("photos.parquet"));
        Files.writeString(dir.resolve("photos.parquet/part-0.parquet"), "old");
        Files.writeString(dir.resolve("labels.csv"), "old");
        var refused = assertThrows(
                OutputFolder.RefusedException.class,
                () -> OutputFolder.check(dir.toString(), false, new Configuration()));
        assertTrue(refused.getMessage().contains("--overwrite"), refused.getMessage());

        OutputFolder out = OutputFolder.check(dir.toString(), true, new Configuration());
        assertTrue(Files.exists(dir.resolve("labels.csv")), "nothing is deleted before the new output is there");
        Path incoming = Path.of(out.incoming().toUri());
        Files.createDirectories(incoming);
        Files.writeString(incoming.resolve("part-1.parquet"), "new");
        out.replaceWithIncoming();
        assertTrue(Files.exists(dir.resolve("photos.parquet/part-1.parquet")));
        assertFalse(Files.exists(dir.resolve("photos.parquet/part-0.parquet")));
        assertFalse(Files.exists(dir.resolve("labels.csv")), "the earlier labels.csv no longer matches");
    }

    @Test
    void aFileOrAFolderWithOtherFilesIsNeverTaken() throws Exception {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        Files.createDirectories(dir.resolve("photos.parquet"));
        var foreign = assertThrows(
                OutputFolder.RefusedException.class,
                () -> OutputFolder.check(dir.toString(), true, new Configuration()));
        assertTrue(foreign.getMessage().contains("keep.txt"), foreign.getMessage());
        assertThrows(
                OutputFolder.RefusedException.class,
                () -> OutputFolder.check(dir.resolve("keep.txt").toString(), true, new Configuration()));
        assertTrue(Files.exists(dir.resolve("keep.txt")));
    }
}
