package org.roomnet.core.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.ClassifyOptions;
import org.roomnet.core.classify.PhotoResult;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.core.organize.JournalStore;
import org.roomnet.core.organize.OrganizeResult;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.organize.UndoResult;
import org.roomnet.core.organize.Undoer;
import org.roomnet.core.review.FileStamp;
import org.roomnet.core.review.ListingMark;
import org.roomnet.core.review.PhotoReview;
import org.roomnet.core.review.ReviewSidecar;
import org.roomnet.core.review.SavedPhoto;
import org.roomnet.core.review.SavedReview;
import org.roomnet.testing.TestPhotos;

/** The shoot's one way of classifying what is left, and sorting a review with a rejected photo (issue 19). */
class ShootClassifyAndSortTest {

    private static RoomClassifier classifier;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() throws Exception {
        classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU);
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    /** Six pool photos, a cut JPEG (damaged, still labelled) and random bytes (unreadable). */
    private List<Path> shoot(Path folder) throws Exception {
        List<Path> photos = TestPhotos.smallShoot(Files.createDirectories(folder));
        Files.write(folder.resolve("cut.jpg"), TestPhotos.cutWithEndMarker(Files.readAllBytes(photos.get(0)), 0.4));
        TestPhotos.writeRandomBytes(folder.resolve("noise.jpg"), 3000, 7);
        return ShootFolder.list(folder);
    }

    @Test
    void theBatchSizeAndThreadsDoNotChangeWhatIsClassified() throws Exception {
        Path folder = tmp.resolve("shoot");
        List<Path> files = shoot(folder);
        List<PhotoResult> usual =
                Shoot.fresh(folder, files, classifier).classifyRest(ClassifyOptions.defaults(), (r, d, t) -> {});
        List<PhotoResult> oneByOne =
                Shoot.fresh(folder, files, classifier).classifyRest(ClassifyOptions.of(1, 1), (r, d, t) -> {});
        List<PhotoResult> odd =
                Shoot.fresh(folder, files, classifier).classifyRest(ClassifyOptions.of(3, 2), (r, d, t) -> {});
        assertEquals(files, usual.stream().map(PhotoResult::file).toList(), "every file, in order");
        for (List<PhotoResult> other : List.of(oneByOne, odd)) {
            for (int i = 0; i < files.size(); i++) {
                PhotoResult a = usual.get(i);
                PhotoResult b = other.get(i);
                assertEquals(a.error(), b.error(), a.file().toString());
                assertEquals(a.damage(), b.damage(), a.file().toString());
                if (a.isClassified()) {
                    assertEquals(
                            a.prediction().label(),
                            b.prediction().label(),
                            a.file().toString());
                    assertEquals(
                            a.prediction().confidence(),
                            b.prediction().confidence(),
                            1e-4,
                            a.file().toString());
                }
            }
        }
        assertTrue(usual.stream().anyMatch(PhotoResult::isDamaged), "the cut JPEG is damaged");
        assertTrue(usual.stream().anyMatch(r -> !r.isClassified()), "the random bytes are unreadable");
    }

    @Test
    void onlyWhatTheSavedReviewDoesNotCoverIsClassifiedAndOnlyWithAModel() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("shoot"));
        List<Path> photos = TestPhotos.smallShoot(folder);
        List<String> classes = classifier.description().classNames();
        float[] scores = new float[classes.size()];
        scores[0] = 1f;
        List<SavedPhoto> saved = new ArrayList<>();
        for (Path f : photos) {
            saved.add(new SavedPhoto(
                    PhotoReview.fromPrediction(f, Prediction.of(classes, scores), null, ListingMark.NONE),
                    FileStamp.of(f).orElseThrow()));
        }
        ReviewSidecar.write(
                folder, new SavedReview("RoomNet", classifier.description().version(), classes, saved));
        Path added = Files.copy(photos.get(1), folder.resolve("zz-new.jpg"));

        Shoot shoot = Shoot.open(ShootSource.folder(folder, false), Optional.of(classifier));
        assertEquals(List.of(added), shoot.toClassify(), shoot.problem());
        List<PhotoResult> results = shoot.classifyRest(ClassifyOptions.defaults(), (r, d, t) -> {});
        assertEquals(List.of(added), results.stream().map(PhotoResult::file).toList());

        Shoot withoutModel = Shoot.open(ShootSource.folder(folder, false), Optional.empty());
        IllegalStateException none = assertThrows(
                IllegalStateException.class,
                () -> withoutModel.classifyRest(ClassifyOptions.defaults(), (r, d, t) -> {}));
        assertTrue(none.getMessage().contains("no model"), none.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ClassifyOptions.of(0, 1));
        assertTrue(bad.getMessage().contains("at least 1"), bad.getMessage());
    }

    @Test
    void aRejectedPhotoStaysWhereItIsAndUndoPutsTheRestBack() throws Exception {
        Path folder = tmp.resolve("shoot");
        List<Path> files = shoot(folder);
        List<Path> before = list(folder);
        Shoot shoot = Shoot.fresh(folder, files, classifier);
        shoot.addResults(shoot.classifyRest(ClassifyOptions.defaults(), (r, d, t) -> {}));
        Path rejected = files.stream()
                .filter(f -> !f.getFileName().toString().equals("cut.jpg")
                        && !f.getFileName().toString().equals("noise.jpg"))
                .findFirst()
                .orElseThrow();
        assertTrue(shoot.review().toggleRejected(List.of(rejected)));

        SortPlan plan = shoot.sortPlan();
        assertEquals(1, plan.rejected());
        assertEquals(5, plan.photos(), "six readable photos, one rejected");
        assertEquals(
                5,
                plan.perRoomType().values().stream().mapToInt(Integer::intValue).sum());

        SortJob job = shoot.sortJob(TransferMode.MOVE, tmp.resolve("sorted"));
        assertEquals(List.of(rejected), job.rejected());
        assertEquals(5, job.photos());
        JournalStore journals = new JournalStore(tmp.resolve("home"));
        OrganizeResult result = job.run(journals, (target, done, total) -> {});
        assertEquals(5, result.transferred());
        assertTrue(Files.exists(rejected), "the rejected photo was not moved");
        try (Stream<Path> sorted = Files.walk(tmp.resolve("sorted"))) {
            assertFalse(sorted.anyMatch(p -> p.getFileName().equals(rejected.getFileName())), "nor copied anywhere");
        }
        assertEquals(
                List.of(rejected, folder.resolve("cut.jpg"), folder.resolve("noise.jpg")).stream()
                        .sorted()
                        .toList(),
                list(folder),
                "what stays: the rejected photo, the damaged and the unreadable file");

        UndoResult undone = new Undoer(journals).undoLast(folder);
        assertTrue(undone.complete(), undone.summary());
        assertEquals(before, list(folder), "undo puts every moved photo back beside the rejected one");
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
