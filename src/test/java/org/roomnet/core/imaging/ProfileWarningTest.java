package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.ColourPhotos;
import org.roomnet.testing.IccProfiles;
import org.roomnet.testing.TestPhotos;

/**
 * Issue 17: a photo whose embedded colour profile cannot be read is decoded as sRGB, never failed, and says so
 * ({@link DecodedPhoto#warning()}); a readable profile, or none, gives no warning.
 */
class ProfileWarningTest {

    @TempDir
    Path dir;

    /** Profiles that are broken in different ways: not a profile at all, cut in half, a header claiming too much. */
    private static Map<String, byte[]> brokenProfiles() {
        byte[] adobe = IccProfiles.adobeRgb();
        byte[] lying = adobe.clone();
        lying[0] = 0x7F; // declares 2 GB
        return Map.of("zeros", new byte[300], "cut", Arrays.copyOf(adobe, adobe.length / 2), "lying size", lying);
    }

    @Test
    void aJpegWithACorruptedProfileIsTakenForSrgbWithAWarning() throws Exception {
        BufferedImage original = ColourPhotos.chart(320, 240);
        byte[] plain = TestPhotos.jpegBytes(original, false);
        for (var broken : brokenProfiles().entrySet()) {
            Path file = Files.write(
                    dir.resolve(broken.getKey() + ".jpg"), ColourPhotos.withIccProfile(plain, broken.getValue()));
            DecodedPhoto decoded = PhotoDecoder.decodeChecked(file, 0);
            assertEquals(SrgbPixels.PROFILE_UNREADABLE, decoded.warning(), broken.getKey());
            assertFalse(decoded.damaged(), broken.getKey());
            double off = ColourPhotos.meanDifference(decoded.image(), original);
            assertTrue(off < 2.5, broken.getKey() + ": the numbers as stored, " + off);
        }
    }

    @Test
    void aJpegWhoseProfileChunksAreInconsistentWarnsToo() throws Exception {
        byte[] plain = TestPhotos.jpegBytes(ColourPhotos.chart(160, 120), false);
        byte[] tagged = ColourPhotos.withIccProfile(plain, IccProfiles.adobeRgb());
        int at = indexOf(tagged, "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        tagged[at + 12] = 2; // "chunk 2 of 1"
        Path file = Files.write(dir.resolve("chunks.jpg"), tagged);
        assertEquals(
                SrgbPixels.PROFILE_UNREADABLE,
                PhotoDecoder.decodeChecked(file, 0).warning());
    }

    @Test
    void aPngWithACorruptedProfileIsTakenForSrgbWithAWarning() throws Exception {
        BufferedImage original = ColourPhotos.chart(160, 120);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(original, "png", png);
        byte[] notDeflated = ColourPhotos.withChunk(png.toByteArray(), "iCCP", "icc\0\0".getBytes(), new byte[64]);
        Map<String, byte[]> files =
                Map.of("zeros.png", ColourPhotos.taggedPng(original, new byte[300]), "not-deflated.png", notDeflated);
        for (var f : files.entrySet()) {
            DecodedPhoto decoded = PhotoDecoder.decodeChecked(Files.write(dir.resolve(f.getKey()), f.getValue()), 0);
            assertEquals(SrgbPixels.PROFILE_UNREADABLE, decoded.warning(), f.getKey());
            assertEquals(0.0, ColourPhotos.meanDifference(decoded.image(), original), f.getKey());
        }
    }

    @Test
    void aTiffWithABrokenProfileIsTakenForSrgbWithAWarningAndAGoodOneIsConverted() throws Exception {
        BufferedImage original = ColourPhotos.chart(160, 120);
        Path plain = Files.write(dir.resolve("plain.tif"), ColourPhotos.tiff(original, null));
        assertEquals(
                0.0,
                ColourPhotos.meanDifference(PhotoDecoder.decodeChecked(plain, 0).image(), original));
        for (var broken : brokenProfiles().entrySet()) {
            Path file =
                    Files.write(dir.resolve(broken.getKey() + ".tif"), ColourPhotos.tiff(original, broken.getValue()));
            DecodedPhoto decoded = PhotoDecoder.decodeChecked(file, 0);
            assertEquals(SrgbPixels.PROFILE_UNREADABLE, decoded.warning(), broken.getKey());
            assertEquals(0.0, ColourPhotos.meanDifference(decoded.image(), original), broken.getKey());
        }
        byte[] p3 = IccProfiles.displayP3();
        Path tagged = Files.write(dir.resolve("p3.tif"), ColourPhotos.tiff(ColourPhotos.numbersIn(original, p3), p3));
        DecodedPhoto decoded = PhotoDecoder.decodeChecked(tagged, 0);
        assertNull(decoded.warning());
        assertTrue(ColourPhotos.meanDifference(decoded.image(), original) < 1.5);
    }

    /**
     * WebP (a 64 x 48 red of 200, 40, 40, lossless, written by {@link ColourPhotos#solidWebp}): one tagged Display P3,
     * one with 300 zero bytes as its profile, which failed the photo.
     */
    @Test
    void aWebpWithABrokenProfileIsTakenForSrgbWithAWarningAndAGoodOneIsConverted() throws Exception {
        Path junk = Files.write(dir.resolve("junk.webp"), ColourPhotos.solidWebp(64, 48, 0xC82828, new byte[300]));
        DecodedPhoto decoded = PhotoDecoder.decodeChecked(junk, 0);
        assertEquals(SrgbPixels.PROFILE_UNREADABLE, decoded.warning());
        assertEquals(0xC82828, decoded.image().getRGB(10, 10) & 0xFFFFFF);
        Path tagged =
                Files.write(dir.resolve("p3.webp"), ColourPhotos.solidWebp(64, 48, 0xC82828, IccProfiles.displayP3()));
        DecodedPhoto p3 = PhotoDecoder.decodeChecked(tagged, 0);
        assertNull(p3.warning());
        assertEquals(0xDA001A, p3.image().getRGB(10, 10) & 0xFFFFFF, "what PIL's ImageCms gives: 218, 0, 26");
    }

    @Test
    void aReadableProfileOrNoneGivesNoWarning() throws Exception {
        BufferedImage original = ColourPhotos.chart(160, 120);
        Path tagged = Files.write(dir.resolve("adobe.jpg"), ColourPhotos.taggedJpeg(original, IccProfiles.adobeRgb()));
        Path plain = TestPhotos.writeJpeg(original, dir.resolve("plain.jpg"), false);
        Path grey = TestPhotos.writeJpeg(ColourPhotos.grey(160, 120), dir.resolve("grey.jpg"), false);
        for (Path file : new Path[] {tagged, plain, grey}) {
            assertNull(
                    PhotoDecoder.decodeChecked(file, 0).warning(),
                    file.getFileName().toString());
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
