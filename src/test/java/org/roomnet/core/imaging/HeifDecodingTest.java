package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.ModelDescription;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.testing.ColourPhotos;
import org.roomnet.testing.HeifFixtures;
import org.roomnet.testing.TestPhotos;

/** Issue 17: HEIC/HEIF photos through libheif; a clear message where it is not installed. */
class HeifDecodingTest {

    @TempDir
    Path dir;

    @Test
    void aHeicPhotoDecodesToItsPicture() throws Exception {
        BufferedImage original = ColourPhotos.chart(320, 240);
        Path png = dir.resolve("chart.png");
        ImageIO.write(original, "png", png.toFile());
        Path heic = HeifFixtures.encode(png, dir.resolve("chart.HEIC"), 92);
        assertTrue(HeifDecoder.available(), HeifDecoder.problem());
        DecodedPhoto decoded = PhotoDecoder.decodeChecked(heic, 100);
        assertNull(decoded.damage());
        assertEquals(320, decoded.image().getWidth());
        assertEquals(240, decoded.image().getHeight());
        double off = ColourPhotos.meanDifference(decoded.image(), original);
        assertTrue(off < 4, "HEVC at quality 92 stays close to the original: " + off + " levels off");
    }

    @Test
    void aHeicTwinGetsTheLabelOfItsJpeg() throws Exception {
        List<Path> jpegs = new ArrayList<>();
        jpegs.addAll(TestPhotos.copyFromPool("houses", "Kitchen", 2, dir));
        jpegs.addAll(TestPhotos.copyFromPool("houses", "Bathroom", 2, dir));
        jpegs.addAll(TestPhotos.copyFromPool("houses", "Frontyard", 2, dir));
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            ModelDescription d = classifier.description();
            Preprocessor preprocessor = new Preprocessor(d.inputSize(), d.pixelScale(), d.pixelOffset());
            for (Path jpeg : jpegs) {
                Path heic = HeifFixtures.encode(jpeg, dir.resolve(jpeg.getFileName() + ".heic"), 90);
                String jpegLabel = classifier
                        .classify(List.of(preprocessor.toTensor(PhotoDecoder.decode(jpeg, 2 * d.inputSize()))))
                        .get(0)
                        .label();
                String heicLabel = classifier
                        .classify(List.of(preprocessor.toTensor(PhotoDecoder.decode(heic, 2 * d.inputSize()))))
                        .get(0)
                        .label();
                assertEquals(jpegLabel, heicLabel, jpeg.getFileName().toString());
            }
        }
    }

    @Test
    void aDamagedHeicIsReportedNotThrown() throws Exception {
        Path png = dir.resolve("p.png");
        ImageIO.write(TestPhotos.pattern(200, 150, 4), "png", png.toFile());
        byte[] heic = Files.readAllBytes(HeifFixtures.encode(png, dir.resolve("p.heic"), 80));
        Path cut = Files.write(dir.resolve("cut.heic"), java.util.Arrays.copyOf(heic, heic.length / 3));
        UnreadablePhotoException e = assertThrows(UnreadablePhotoException.class, () -> PhotoDecoder.decodeFull(cut));
        assertTrue(e.getMessage().startsWith("HEIF: "), e.getMessage());
    }

    @Test
    void withoutLibheifTheMessageNamesWhatToInstall() {
        HeifNatives.Loaded missing = HeifNatives.load(List.of("roomnet-no-such-library"));
        assertNull(missing.library());
        assertTrue(
                missing.problem().startsWith("HEIC/HEIF photos need libheif, which is not installed: install it"),
                missing.problem());
        assertTrue(missing.problem().contains("libheif"), missing.problem());
    }

    @Test
    void heifIsRecognisedByItsBrand() {
        java.nio.ByteBuffer heic = java.nio.ByteBuffer.wrap(new byte[] {
            0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'
        });
        java.nio.ByteBuffer mp4 = java.nio.ByteBuffer.wrap(
                new byte[] {0, 0, 0, 20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0, 'm', 'p', '4', '1'});
        assertTrue(HeifDecoder.isHeif(heic));
        assertTrue(!HeifDecoder.isHeif(mp4));
    }

    @Test
    void anExifItemIsReadFromItsTiffHeaderOn() {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0};
        java.io.ByteArrayOutputStream item = new java.io.ByteArrayOutputStream();
        item.writeBytes(new byte[] {0, 0, 0, 6});
        item.writeBytes("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        item.writeBytes(tiff);
        assertTrue(java.util.Arrays.equals(
                tiff, HeifDecoder.tiffOf(item.toByteArray()).orElseThrow()));
        byte[] noHeader = {0, 0, 0, 0, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M'};
        assertTrue(HeifDecoder.tiffOf(noHeader).isEmpty(), "no TIFF header at the offset");
        byte[] pastTheEnd = {0, 0, 0, 100, 'M', 'M', 0, 42, 0, 0, 0, 8};
        assertTrue(HeifDecoder.tiffOf(pastTheEnd).isEmpty());
    }
}
