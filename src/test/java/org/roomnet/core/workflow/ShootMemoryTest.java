package org.roomnet.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.ClassifyOptions;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.memory.BlendSettings;
import org.roomnet.core.memory.Memory;
import org.roomnet.core.memory.MemoryBlend;
import org.roomnet.core.memory.MemoryEntry;
import org.roomnet.core.memory.ModelKey;
import org.roomnet.core.review.FileStamp;
import org.roomnet.core.review.ListingMark;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.SavedPhoto;
import org.roomnet.core.review.SavedReview;
import org.roomnet.testing.TestPhotos;

/** A saved review and room types the agent added: reopening a shoot never throws the agent's labels away. */
class ShootMemoryTest {

    private static RoomClassifier classifier;
    private static List<String> six;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() throws Exception {
        classifier = RoomClassifier.open(TestPhotos.modelV2(), ProviderPreference.CPU);
        six = classifier.description().classNames();
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    private List<Path> savedShoot(Path folder, List<String> classes, String firstLabel) throws Exception {
        List<Path> photos = TestPhotos.smallShoot(folder);
        List<SavedPhoto> saved = new ArrayList<>();
        float[] scores = new float[classes.size()];
        scores[4] = 1f;
        for (int i = 0; i < photos.size(); i++) {
            Path f = photos.get(i);
            saved.add(new SavedPhoto(
                    PhotoReview.fromPrediction(
                            f, Prediction.of(classes, scores), i == 0 ? firstLabel : null, ListingMark.NONE),
                    FileStamp.of(f).orElseThrow()));
        }
        ReviewSidecar.write(
                folder, new SavedReview("RoomNet", classifier.description().version(), classes, saved));
        return photos;
    }

    private static String labelOf(Shoot s, Path file) {
        return s.review().photos().stream()
                .filter(p -> p.file().equals(file))
                .findFirst()
                .orElseThrow()
                .finalLabel();
    }

    @Test
    void aReviewWithAnAddedTypeIsRestoredAfterTheMemoryForgotIt() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("shoot"));
        List<String> withStreet = new ArrayList<>(six);
        withStreet.add("Street");
        List<Path> photos = savedShoot(folder, withStreet, "Street");
        Path added = Files.copy(photos.get(1), folder.resolve("new.jpg"));

        Shoot shoot = Shoot.open(
                ShootSource.folder(folder, false), Optional.of(classifier), (org.roomnet.core.memory.MemoryBlend) null);
        assertEquals(withStreet, shoot.review().classNames());
        assertEquals(photos.size(), shoot.restoredCount(), "restored, not classified again: " + shoot.problem());
        assertEquals("Street", labelOf(shoot, photos.get(0)));
        assertEquals(List.of(added), shoot.toClassify());
        shoot.addResults(shoot.classifyRest(ClassifyOptions.defaults(), (r, d, t) -> {}));
        PhotoReview fresh = shoot.review().photos().stream()
                .filter(p -> p.file().equals(added))
                .findFirst()
                .orElseThrow();
        assertEquals(withStreet.size(), fresh.scores().size(), "the new photo's scores cover the added type too");
        assertEquals(0f, fresh.scores().get(6));
    }

    @Test
    void aReviewMadeBeforeTheMemoryAddedATypeIsRestoredWithIt() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("shoot"));
        List<Path> photos = savedShoot(folder, six, "Bedroom");
        Memory memory = Memory.empty(new ModelKey("v", "ff"))
                .with(List.of(MemoryEntry.of("Garage", "elsewhere", "g.jpg", "h", 0L, new float[1280])));
        MemoryBlend blend = new MemoryBlend(memory, six, BlendSettings.DEFAULT);

        Shoot shoot = Shoot.open(ShootSource.folder(folder, false), Optional.of(classifier), blend);
        List<String> withGarage = new ArrayList<>(six);
        withGarage.add("Garage");
        assertEquals(withGarage, shoot.review().classNames());
        assertEquals(photos.size(), shoot.restoredCount(), "restored, not classified again: " + shoot.problem());
        assertTrue(shoot.problem().isEmpty(), shoot.problem());
        assertEquals("Bedroom", labelOf(shoot, photos.get(0)));
        assertTrue(shoot.review().photos().stream().allMatch(p -> p.scores().size() == 7));
    }
}
