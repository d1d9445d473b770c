package org.roomnet.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.workflow.ShootFolder;
import org.roomnet.testing.TestPhotos;

class ShootClassifierTest {

    @TempDir
    Path dir;

    @Test
    void everyFileGetsAResultInOrderAndBadFilesAnError() throws Exception {
        TestPhotos.smallShoot(dir);
        Files.createFile(dir.resolve("zero.jpg"));
        TestPhotos.writeRandomBytes(dir.resolve("corrupt.jpg"), 4000, 1);
        Files.writeString(dir.resolve("readme.txt"), "not a photo");
        Files.writeString(dir.resolve(".hidden.jpg"), "ignored");
        List<Path> files = ShootFolder.list(dir);
        assertEquals(9, files.size());

        Map<Path, java.awt.image.BufferedImage> thumbs = new ConcurrentHashMap<>();
        AtomicInteger calls = new AtomicInteger();
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            List<PhotoResult> results = new ShootClassifier(classifier, 4, 2)
                    .withThumbnails(96, thumbs::put)
                    .classify(files, (r, done, total) -> calls.incrementAndGet(), new AtomicBoolean());
            assertEquals(files, results.stream().map(PhotoResult::file).toList());
            assertEquals(files.size(), calls.get());
            for (PhotoResult r : results) {
                String name = r.file().getFileName().toString();
                boolean bad = name.equals("zero.jpg") || name.equals("corrupt.jpg") || name.equals("readme.txt");
                assertEquals(!bad, r.isClassified(), name + ": " + r.error());
                if (!bad) {
                    assertTrue(classifier
                            .description()
                            .classNames()
                            .contains(r.prediction().label()));
                    assertTrue(r.prediction().confidence() > 0 && r.prediction().confidence() <= 1);
                    assertTrue(Math.max(
                                    thumbs.get(r.file()).getWidth(),
                                    thumbs.get(r.file()).getHeight())
                            <= 96);
                }
            }
        }
    }

    @Test
    void eachThumbnailArrivesBeforeItsLabel() throws Exception {
        for (int i = 0; i < 12; i++) {
            TestPhotos.writeJpeg(TestPhotos.pattern(1200, 900, i), dir.resolve(String.format("p%02d.jpg", i)), false);
        }
        List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            new ShootClassifier(classifier, 4, 2)
                    .withThumbnails(200, (file, image) -> events.add("thumbnail " + file.getFileName()))
                    .classify(
                            ShootFolder.list(dir),
                            (r, done, total) -> events.add("label " + r.file().getFileName()),
                            new AtomicBoolean());
        }
        assertEquals(24, events.size(), events.toString());
        for (int i = 0; i < 12; i++) {
            String name = String.format("p%02d.jpg", i);
            int thumbnail = events.indexOf("thumbnail " + name);
            assertTrue(thumbnail >= 0 && thumbnail < events.indexOf("label " + name), events.toString());
        }
    }

    @Test
    void cancelStopsEarly() throws Exception {
        for (int i = 0; i < 40; i++) {
            TestPhotos.writeJpeg(TestPhotos.pattern(400, 300, i), dir.resolve(String.format("p%02d.jpg", i)), false);
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            List<PhotoResult> results = new ShootClassifier(classifier, 2, 1)
                    .classify(ShootFolder.list(dir), (r, done, total) -> cancelled.set(done >= 4), cancelled);
            assertTrue(results.size() < 40, "got " + results.size());
            assertFalse(results.isEmpty());
        }
    }
}
