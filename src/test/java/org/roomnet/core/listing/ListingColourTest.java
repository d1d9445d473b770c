package org.roomnet.core.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.imaging.HeifMetadata;
import org.roomnet.core.review.Photos;
import org.roomnet.core.review.Review;
import org.roomnet.testing.ColourPhotos;
import org.roomnet.testing.HeifFixtures;
import org.roomnet.testing.IccProfiles;
import org.roomnet.testing.TestPhotos;

/** Issue 17: the export writes sRGB (and says so in EXIF): grey stays as bright, Adobe RGB and P3 are converted. */
class ListingColourTest {

    @TempDir
    Path temp;

    private Path exportOne(Path photo) throws Exception {
        Review review = new Review(photo.getParent(), Photos.CLASSES);
        review.add(Photos.sure(photo, "Kitchen"));
        ListingPlan plan = ListingPlan.of(
                review.photos(),
                ListingOrder.DEFAULT,
                ListingPreset.WEB,
                NamePattern.defaultPattern(),
                p -> Optional.empty(),
                "shoot");
        ExportRecords records = new ExportRecords(temp.resolve("home/listings"));
        ListingResult result = new ListingExporter(records, 2, 256L << 20)
                .export(
                        plan,
                        ListingTarget.choose(temp.resolve("out"), photo.getParent(), false, records),
                        false,
                        (d, t) -> {},
                        new AtomicBoolean());
        assertEquals(List.of(), result.skipped());
        return result.folder().resolve("01-kitchen.jpg");
    }

    private Path shoot() throws Exception {
        return Files.createDirectories(temp.resolve("shoot"));
    }

    @Test
    void aGreyJpegKeepsItsMeanBrightness() throws Exception {
        Path photo = TestPhotos.writeJpeg(ColourPhotos.grey(900, 600), shoot().resolve("plan.jpg"), false);
        double before = java.util.Arrays.stream(
                        ImageIO.read(photo.toFile()).getRaster().getSamples(0, 0, 900, 600, 0, (int[]) null))
                .average()
                .orElseThrow();
        double after = ColourPhotos.meanLevel(ImageIO.read(exportOne(photo).toFile()));
        assertEquals(before, after, before * 0.01, "mean brightness within 1 %");
    }

    @Test
    void adobeRgbAndDisplayP3PhotosAreExportedInSrgbAndSaySo() throws Exception {
        BufferedImage original = ColourPhotos.chart(900, 600);
        for (byte[] profile : List.of(IccProfiles.adobeRgb(), IccProfiles.displayP3())) {
            Path dir = Files.createDirectories(temp.resolve("shoot-" + profile.length + "-" + profile[300]));
            Path photo = Files.write(
                    dir.resolve("room.jpg"),
                    ColourPhotos.taggedJpeg(ColourPhotos.numbersIn(original, profile), profile));
            Path exported = exportOne(photo);
            double off = ColourPhotos.meanDifference(ImageIO.read(exported.toFile()), original);
            assertTrue(off < 4, off + " levels off the sRGB original");
            byte[] bytes = Files.readAllBytes(exported);
            assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("ICC_PROFILE"), "untagged");
            ExifSubIFDDirectory exif = ImageMetadataReader.readMetadata(exported.toFile())
                    .getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            assertEquals(1, exif.getInt(ExifSubIFDDirectory.TAG_COLOR_SPACE), "EXIF says sRGB");
            Files.delete(exported.getParent().resolve(exported.getFileName()));
            deleteTree(temp.resolve("out"));
        }
    }

    @Test
    void aHeicPhotoIsExportedAsJpeg() throws Exception {
        BufferedImage original = ColourPhotos.chart(900, 600);
        Path png = temp.resolve("chart.png");
        ImageIO.write(original, "png", png.toFile());
        Path photo = HeifFixtures.encode(png, shoot().resolve("IMG_0001.HEIC"), 92);
        Path exported = exportOne(photo);
        byte[] bytes = Files.readAllBytes(exported);
        assertTrue((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8, "a JPEG");
        BufferedImage image = ImageIO.read(exported.toFile());
        assertEquals(900, image.getWidth());
        assertTrue(ColourPhotos.meanDifference(image, original) < 5);
    }

    /**
     * heif-enc copies a JPEG's EXIF into the HEIC; the capture time is read from it (the listing's order) and the
     * exported JPEG keeps it with the rest of the allow-list (no GPS, no owner), orientation 1.
     */
    @Test
    void aHeicPhotosCaptureTimeIsReadAndKeptInTheExport() throws Exception {
        Path jpeg = ListingExportTest.photoWithExif(ColourPhotos.chart(600, 400), temp.resolve("camera.jpg"), 1);
        Path photo = HeifFixtures.encode(jpeg, shoot().resolve("IMG_0002.HEIC"), 90);
        java.time.LocalDateTime taken = java.time.LocalDateTime.of(2024, 5, 1, 10, 15, 30, 250_000_000);
        assertEquals(Optional.of(taken), CaptureTime.of(photo));
        assertTrue(HeifMetadata.exif(Files.readAllBytes(photo)).isPresent(), "libheif reads the HEIC's EXIF");
        Path exported = exportOne(photo);
        assertEquals(Optional.of(taken), CaptureTime.of(exported));
        var metadata = ImageMetadataReader.readMetadata(exported.toFile());
        assertEquals(
                "Canon",
                metadata.getFirstDirectoryOfType(ExifIFD0Directory.class).getString(ExifIFD0Directory.TAG_MAKE));
        assertEquals(
                1, metadata.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION));
        assertEquals(null, metadata.getFirstDirectoryOfType(GpsDirectory.class), "no GPS");
        assertEquals(
                1,
                metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class)
                        .getInt(ExifSubIFDDirectory.TAG_COLOR_SPACE));
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
