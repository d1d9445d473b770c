package org.roomnet.core.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryFileTest {

    @TempDir
    Path dir;

    private final Embeddings gen = new Embeddings(1, 1280);

    private Memory memoryOf(int n) {
        float[] c = gen.centre();
        List<MemoryEntry> entries = Embeddings.clusters(gen, List.of(c), List.of("Kitchen"), n, 0.3f, "12 Main St");
        return Memory.empty(Embeddings.MODEL).with(entries);
    }

    @Test
    void roundTripsEveryFieldAndStaysUnderThreeKilobytesAPhoto() throws IOException {
        Memory memory = memoryOf(20)
                .with(List.of(Embeddings.entry("Garage", "Ünïcode shoot", "a,b\tc.jpg", gen.near(gen.centre(), 0.1f))));
        Path file = dir.resolve("m.rnm");
        MemoryFile.write(memory, file);
        assertEquals(memory, MemoryFile.read(file));
        assertTrue(
                Files.size(file) / (double) memory.size() <= 3000,
                "bytes a photo: " + Files.size(file) / memory.size());
    }

    @Test
    void aFailedWriteLeavesTheOldMemoryAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("m.rnm");
        Memory old = memoryOf(3);
        MemoryFile.write(old, file);
        // a label too long for the format fails half-way through the write
        Memory broken = old.with(List.of(Embeddings.entry("x".repeat(70_000), "s", "f.jpg", gen.centre())));
        assertThrows(IOException.class, () -> MemoryFile.write(broken, file));
        assertEquals(old, MemoryFile.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFlippedByteIsReportedAsDamage() throws IOException {
        Path file = dir.resolve("m.rnm");
        MemoryFile.write(memoryOf(5), file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0x10);
        }
        IOException e = assertThrows(MemoryFile.UnreadableMemoryException.class, () -> MemoryFile.read(file));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aCutFileIsReportedAsCutShort() throws IOException {
        Path file = dir.resolve("m.rnm");
        MemoryFile.write(memoryOf(5), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        IOException e = assertThrows(MemoryFile.UnreadableMemoryException.class, () -> MemoryFile.read(file));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void anotherFormatVersionAndAForeignFileSaySo() throws IOException {
        Path file = dir.resolve("m.rnm");
        MemoryFile.write(memoryOf(1), file);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(MemoryFile.MAGIC.length, 99);
        Files.write(file, bytes);
        IOException version = assertThrows(MemoryFile.UnreadableMemoryException.class, () -> MemoryFile.read(file));
        assertTrue(version.getMessage().contains("format version 99"), version.getMessage());

        Files.writeString(file, "file,label\nphoto.jpg,Kitchen\n");
        IOException foreign = assertThrows(MemoryFile.UnreadableMemoryException.class, () -> MemoryFile.read(file));
        assertTrue(foreign.getMessage().contains("not a RoomNet memory"), foreign.getMessage());
    }

    @Test
    void anotherModelsMemoryIsNotUsedAndSaysWhy() throws IOException {
        MemoryStore store = new MemoryStore(dir.resolve("memory").resolve(MemoryStore.FILE_NAME));
        store.save(memoryOf(4));
        ModelKey newer = new ModelKey("test-2", "cd".repeat(32));
        MemoryStore.Loaded loaded = store.load(newer);
        assertFalse(loaded.usable());
        assertTrue(loaded.otherModel());
        assertTrue(loaded.memory().isEmpty());
        assertEquals(newer, loaded.memory().model());
        assertTrue(loaded.problem().contains("test-1") && loaded.problem().contains("--relearn"), loaded.problem());
        assertEquals(4, loaded.stored().orElseThrow().size());

        MemoryStore.Loaded same = store.load(Embeddings.MODEL);
        assertTrue(same.usable());
        assertEquals(4, same.memory().size());
    }

    @Test
    void aDamagedStoreLoadsEmptyWithAMessage() throws IOException {
        MemoryStore store = new MemoryStore(dir.resolve(MemoryStore.FILE_NAME));
        Files.write(store.file(), new byte[] {1, 2, 3});
        MemoryStore.Loaded loaded = store.load(Embeddings.MODEL);
        assertFalse(loaded.usable());
        assertFalse(loaded.otherModel());
        assertTrue(loaded.memory().isEmpty());
        assertTrue(loaded.problem().contains("classifying without it"), loaded.problem());
        assertTrue(store.load(new ModelKey("v", "ff")).memory().isEmpty());
    }

    @Test
    void learningAPhotoAgainReplacesItAndForgettingAShootRemovesItsPhotos() {
        float[] e = gen.centre();
        Memory m = Memory.empty(Embeddings.MODEL)
                .with(List.of(
                        Embeddings.entry("Bedroom", "a", "1.jpg", e), Embeddings.entry("Kitchen", "b", "2.jpg", e)));
        MemoryEntry relabelled = MemoryEntry.of("LivingRoom", "a", "1.jpg", "hash-a/1.jpg", 5L, e);
        Memory again = m.with(List.of(relabelled));
        assertEquals(2, again.size());
        assertEquals("LivingRoom", again.entries().get(1).label());
        assertEquals(
                List.of("Kitchen"),
                again.withoutShoot("a").entries().stream()
                        .map(MemoryEntry::label)
                        .toList());
    }

    @Test
    void halfPrecisionRoundsToNearest() {
        float[] values = {0f, 1f, -2.5f, 0.1f, 65504f, 1e-5f, 3.14159f};
        for (float v : values) {
            float back = Half.toFloat(Half.fromFloat(v));
            assertEquals(v, back, Math.abs(v) * 1e-3f + 1e-7f, "value " + v);
        }
        assertTrue(Float.isInfinite(Half.toFloat(Half.fromFloat(1e6f))));
        assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.NaN))));
        assertArrayEquals(new short[] {Half.fromFloat(1f)}, new short[] {(short) 0x3c00});
    }
}
