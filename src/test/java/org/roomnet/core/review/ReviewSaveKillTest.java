package org.roomnet.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a process in the middle of saving: a child JVM saves a 300-photo review in a loop (every
 * save gives all photos one label, so a mixture would show), and is killed at chosen moments. The
 * review file must always read as one whole save, the old one or the new one, and so must its backup.
 */
class ReviewSaveKillTest {

    private static final int PHOTOS = 300;

    @TempDir
    Path folder;

    @Test
    void aKilledSaveLeavesTheOldReviewOrTheNewNeverHalf() throws Exception {
        Random random = new Random(20);
        long lastGeneration = 0;
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(
                            javaCommand(),
                            "-Xmx64m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            SaveLoop.class.getName(),
                            folder.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (generation() <= lastGeneration + 5 && System.nanoTime() < deadline) {
                    assertTrue(child.isAlive(), "the save loop died by itself");
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(150));
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally in the child
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            ReviewSnapshot after = ReviewSidecar.snapshot(folder);
            assertWhole(after);
            assertTrue(after.generation() > lastGeneration + 5, "the child saved while it ran");
            lastGeneration = after.generation();
            assertWhole(ReviewSidecar.snapshot(backupFolder()));
        }
    }

    /** The backup read as a review file of its own. */
    private Path backupFolder() throws IOException {
        Path copy = Files.createDirectories(folder.resolve("backup-check"));
        Files.copy(
                ReviewSidecar.backupIn(folder),
                ReviewSidecar.fileIn(copy),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private long generation() {
        try {
            return ReviewSidecar.snapshot(folder).generation();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void assertWhole(ReviewSnapshot s) {
        assertTrue(s.exists());
        assertFalse(s.isDamaged(), () -> s.damageSummary());
        List<SavedPhoto> photos = s.saved().orElseThrow().photos();
        assertEquals(PHOTOS, photos.size());
        assertEquals(
                1, photos.stream().map(p -> p.review().agentLabel()).distinct().count(), "one save's labels");
    }

    private static String javaCommand() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The child: saves the review of {@code args[0]} over and over, each time with the next label for every photo. */
    public static final class SaveLoop {
        public static void main(String[] args) throws IOException {
            Path folder = Path.of(args[0]);
            ReviewStore store = new ReviewStore(ReviewSidecar.snapshot(folder));
            for (long i = 1; ; i++) {
                String label = Photos.CLASSES.get((int) (i % Photos.CLASSES.size()));
                List<SavedPhoto> photos = new ArrayList<>(PHOTOS);
                for (int p = 0; p < PHOTOS; p++) {
                    PhotoReview review = Photos.sure(folder.resolve(String.format("IMG_%04d.jpg", p)), "Kitchen")
                            .withAgentLabel(label);
                    photos.add(new SavedPhoto(
                            review, new FileStamp(1000 + p, 1_700_000_000_000L), System.currentTimeMillis()));
                }
                store.save(new SavedReview("m", "1", Photos.CLASSES, photos));
            }
        }
    }
}
