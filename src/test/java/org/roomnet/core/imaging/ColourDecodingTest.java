package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.ColourPhotos;
import org.roomnet.testing.IccProfiles;
import org.roomnet.testing.TestPhotos;

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
        double storedMean = java.util.Arrays.stream(stored.getSamples(0, 0, 240, 160, 0, (int[]) null))
                .average()
                .orElseThrow();
        BufferedImage thumbnail = Thumbnails.fit(PhotoDecoder.decode(file, 40), 120);
        assertEquals(storedMean, ColourPhotos.meanLevel(thumbnail), 2.0, "a brightened grey is ~25 levels up");
    }

    @Test
    void adobeRgbAndDisplayP3JpegsAreConvertedToSrgbOnBothDecodePaths() throws Exception {
        BufferedImage original = ColourPhotos.chart(320, 240);
        for (var profile : Map.of("adobe", IccProfiles.adobeRgb(), "p3", IccProfiles.displayP3())
                .entrySet()) {
            BufferedImage numbers = ColourPhotos.numbersIn(original, profile.getValue());
            double unconverted = ColourPhotos.meanDifference(numbers, original);
            assertTrue(unconverted > 6, profile.getKey() + ": the chart must tell converted from not, " + unconverted);
            Path file = Files.write(
                    dir.resolve(profile.getKey() + ".jpg"), ColourPhotos.taggedJpeg(numbers, profile.getValue()));
            assertTrue(FastJpegDecoder.decode(file, 0).isPresent(), "the fast path takes it");
            for (BufferedImage decoded :
                    List.of(PhotoDecoder.decodeFull(file), PhotoDecoder.decodeWithImageIo(file, 0))) {
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

    @Test
    void adobeRgbAndDisplayP3PngsAreConvertedToSrgb() throws Exception {
        BufferedImage original = ColourPhotos.chart(320, 240);
        for (var profile : Map.of("adobe", IccProfiles.adobeRgb(), "p3", IccProfiles.displayP3())
                .entrySet()) {
            BufferedImage numbers = ColourPhotos.numbersIn(original, profile.getValue());
            assertTrue(ColourPhotos.meanDifference(numbers, original) > 6, profile.getKey());
            Path file = Files.write(
                    dir.resolve(profile.getKey() + ".png"), ColourPhotos.taggedPng(numbers, profile.getValue()));
            DecodedPhoto decoded = PhotoDecoder.decodeChecked(file, 0);
            double off = ColourPhotos.meanDifference(decoded.image(), original);
            assertTrue(off < 1.5, profile.getKey() + ": " + off + " levels off the sRGB original");
            assertNull(decoded.warning());
        }
    }

    @Test
    void aPaletteAndATransparentPngAreConvertedThroughTheirProfileToo() throws Exception {
        BufferedImage original = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = original.createGraphics();
        g.setColor(new java.awt.Color(200, 40, 40));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        BufferedImage numbers = ColourPhotos.numbersIn(original, IccProfiles.displayP3());
        int stored = numbers.getRGB(0, 0);
        byte[] r = {(byte) (stored >> 16), -1};
        byte[] gr = {(byte) (stored >> 8), -1};
        byte[] b = {(byte) stored, -1};
        BufferedImage palette = new BufferedImage(
                64,
                48,
                BufferedImage.TYPE_BYTE_BINARY,
                new java.awt.image.IndexColorModel(1, 2, r, gr, b)); // the stored colour exactly, and white
        BufferedImage alpha = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        for (BufferedImage copy : List.of(palette, alpha)) {
            java.awt.Graphics2D c = copy.createGraphics();
            c.drawImage(numbers, 0, 0, null);
            c.dispose();
        }
        for (BufferedImage picture : List.of(palette, alpha)) {
            Path file = Files.write(
                    dir.resolve("tagged-" + picture.getType() + ".png"),
                    ColourPhotos.taggedPng(picture, IccProfiles.displayP3()));
            double off = ColourPhotos.meanDifference(PhotoDecoder.decodeFull(file), original);
            assertTrue(off < 1.5, "type " + picture.getType() + ": " + off + " levels off");
        }
    }

    @Test
    void sixteenBitGreyKeepsItsHighByte() throws Exception {
        BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                grey.getRaster().setSample(x, y, 0, (x * 4) << 8 | (y * 37 + x) & 0xFF);
            }
        }
        for (String format : List.of("png", "tiff")) {
            Path file = dir.resolve("grey16." + format);
            assertTrue(ImageIO.write(grey, format, file.toFile()), format);
            BufferedImage decoded = PhotoDecoder.decodeFull(file);
            for (int y = 0; y < 48; y += 5) {
                for (int x = 0; x < 64; x += 3) {
                    int v = x * 4;
                    assertEquals(v << 16 | v << 8 | v, decoded.getRGB(x, y) & 0xFFFFFF, format + " " + x + "," + y);
                }
            }
        }
    }
}
