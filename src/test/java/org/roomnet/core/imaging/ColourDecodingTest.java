package org.roomnet.core.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.ColourPhotos;
import org.roomnet.testing.IccProfiles;
import org.roomnet.testing.TestPhotos;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 17: every decode path yields sRGB; grey copied to R = G = B, embedded profiles converted. */
class ColourDecodingTest {

    @TempDir
    Path dir;

    @Test
    void aGreyJpegKeepsItsGreyLevelsInRedGreenAndBlue() throws Exception {
        Path file = TestPhotos.writeJpeg(ColourPhotos.grey(240, 160), dir.resolve("grey.jpg"), false);
        Raster stored = ImageIO.read(file.toFile()).getRaster(); // the JPEG's own grey samples
        assertEquals(1, stored.getNumBands());
        BufferedImage decoded = PhotoDecoder.decodeFull(file);
        for (int y = 0; y < 160; y += 7) {
            for (int x = 0; x < 240; x += 7) {
                int grey = stored.getSample(x, y, 0);
                int rgb = decoded.getRGB(x, y) & 0xFFFFFF;
                assertEquals(grey << 16 | grey << 8 | grey, rgb, "pixel " + x + "," + y + " grey " + grey);
            }
        }
        // the thumbnail's Graphics2D drawing must not brighten it either
        double storedMean = java.util.Arrays.stream(stored.getSamples(0, 0, 240, 160, 0, (int[]) null)).average()
                .orElseThrow();
        BufferedImage thumbnail = Thumbnails.fit(PhotoDecoder.decode(file, 40), 120);
        assertEquals(storedMean, ColourPhotos.meanLevel(thumbnail), 2.0, "a brightened grey is ~25 levels up");
    }

    @Test
    void adobeRgbAndDisplayP3JpegsAreConvertedToSrgbOnBothDecodePaths() throws Exception {
        BufferedImage original = ColourPhotos.chart(320, 240);
        for (var profile : Map.of("adobe", IccProfiles.adobeRgb(), "p3", IccProfiles.displayP3()).entrySet()) {
            BufferedImage numbers = ColourPhotos.numbersIn(original, profile.getValue());
            double unconverted = ColourPhotos.meanDifference(numbers, original);
            assertTrue(unconverted > 6, profile.getKey() + ": the chart must tell converted from not, " + unconverted);
            Path file = Files.write(dir.resolve(profile.getKey() + ".jpg"),
                    ColourPhotos.taggedJpeg(numbers, profile.getValue()));
            assertTrue(FastJpegDecoder.decode(file, 0).isPresent(), "the fast path takes it");
            for (BufferedImage decoded : List.of(PhotoDecoder.decodeFull(file), PhotoDecoder.decodeWithImageIo(file, 0))) {
                double off = ColourPhotos.meanDifference(decoded, original);
                assertTrue(off < 2.5, profile.getKey() + ": " + off + " levels off the sRGB original");
            }
        }
    }

    @Test
    void anUnreadableProfileIsTakenAsSrgb() throws Exception {
        BufferedImage original = ColourPhotos.chart(160, 120);
        byte[] junk = new byte[300];
        Path file = Files.write(dir.resolve("junk-profile.jpg"), ColourPhotos.taggedJpeg(original, junk));
        assertTrue(ColourPhotos.meanDifference(PhotoDecoder.decodeFull(file), original) < 2.5);
    }
}
