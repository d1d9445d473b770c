package org.roomnet.core.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewSidecarTest {

    @TempDir
    Path folder;

    private SavedReview sample() {
        PhotoReview kitchen = Photos.photo(folder.resolve("k.jpg"), "Kitchen", 0.51234567f, 0.3f).withAgentLabel("Bedroom");
        PhotoReview odd = Photos.sure(folder.resolve("tab\there\\name.jpg"), "Backyard")
                .withListing(new ListingMark(false, true, 3));
        PhotoReview rejected = Photos.sure(folder.resolve("r.jpg"), "Bedroom").withListing(new ListingMark(true, false, 0));
        PhotoReview broken = PhotoReview.unreadable(folder.resolve("x.jpg"), "corrupt image:\n\tbad marker");
        return new SavedReview("roomnet", "2", Photos.CLASSES, List.of(
                new SavedPhoto(kitchen, new FileStamp(1234, 1_700_000_000_123L)),
                new SavedPhoto(odd, new FileStamp(1, 2)),
                new SavedPhoto(rejected, new FileStamp(5, 6)),
                new SavedPhoto(broken, new FileStamp(3, 4))));
    }

    @Test
    void aWrittenReviewReadsBackTheSame() throws IOException {
        SavedReview saved = sample();
        ReviewSidecar.write(folder, saved);
        SavedReview read = ReviewSidecar.read(folder).orElseThrow();
        assertEquals(saved, read);
        assertEquals(0.51234567f, read.photos().get(0).review().confidence());
        assertEquals("Kitchen", read.photos().get(0).review().modelLabel());
        assertEquals("Bedroom", read.photos().get(0).review().agentLabel());
    }

    @Test
    void aVersion1SidecarWithoutListingColumnsIsStillRead() throws IOException {
        Files.writeString(ReviewSidecar.fileIn(folder), "ROOMNET-REVIEW\t1\nMODEL\tm\t1\nCLASSES\tA\tB\n"
                + "PHOTO\ta.jpg\t10\t20\tB\t0.7,0.3\n", StandardCharsets.UTF_8);
        PhotoReview p = ReviewSidecar.read(folder).orElseThrow().photos().get(0).review();
        assertEquals("B", p.agentLabel());
        assertEquals(ListingMark.NONE, p.listing());
    }

    @Test
    void theSidecarIsAHiddenFileAndNoTemporaryFileStays() throws IOException {
        ReviewSidecar.write(folder, sample());
        ReviewSidecar.write(folder, sample());
        try (var files = Files.list(folder)) {
            assertEquals(List.of(ReviewSidecar.FILE_NAME), files.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(ReviewSidecar.FILE_NAME.startsWith("."));
    }

    @Test
    void noSidecarIsEmpty() throws IOException {
        assertEquals(Optional.empty(), ReviewSidecar.read(folder));
    }

    @Test
    void anotherFormatVersionIsRefusedWithAReason() throws IOException {
        Files.writeString(ReviewSidecar.fileIn(folder), "ROOMNET-REVIEW\t99\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ReviewSidecar.read(folder));
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
    }

    @Test
    void aDamagedLineIsRefusedWithItsNumber() throws IOException {
        Files.writeString(ReviewSidecar.fileIn(folder),
                "ROOMNET-REVIEW\t1\nMODEL\tm\t1\nCLASSES\tA\tB\nPHOTO\ta.jpg\tnot-a-number\t1\t\t0.5,0.5\n");
        IOException e = assertThrows(IOException.class, () -> ReviewSidecar.read(folder));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }
}
