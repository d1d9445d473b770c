package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.Machine;
import org.roomnet.testing.TestPhotos;

/** Issue 9, points 8, 9 and 11: cut, hostile and awkwardly named files. */
class DamagedPhotoTest {

    private static final Pattern TRUNCATED = Pattern.compile("truncated: (\\d+) % of the image data missing");

    @TempDir
    Path dir;

    private static byte[] poolPhoto() throws Exception {
        try (Stream<Path> files = Files.list(TestPhotos.pool().resolve("houses").resolve("Kitchen"))) {
            return Files.readAllBytes(files.sorted().findFirst().orElseThrow());
        }
    }

    // 8. A cut JPEG decodes (partly grey) but is reported as damaged, with the share missing.

    @Test
    void aCutJpegIsDecodedButReportedAsTruncatedWithTheShareMissing() throws Exception {
        byte[] photo = poolPhoto();
        byte[] generated = TestPhotos.jpegBytes(TestPhotos.pattern(640, 480, 4), false);
        for (byte[] jpeg : List.of(photo, generated)) {
            for (double kept : new double[] {0.1, 0.5, 0.9}) {
                Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, (int) (jpeg.length * kept)));
                DecodedPhoto decoded = PhotoDecoder.decodeChecked(cut, 224);
                assertTrue(decoded.image().getWidth() > 0, "the part that is there still decodes");
                assertTrue(decoded.damaged(), "cut at " + kept);
                Matcher m = TRUNCATED.matcher(decoded.damage());
                assertTrue(m.matches(), decoded.damage());
                int missing = Integer.parseInt(m.group(1));
                assertEquals(100 * (1 - kept), missing, 25, "cut at " + kept + ": " + decoded.damage());
            }
        }
    }

    @Test
    void aCutProgressiveJpegIsReportedAsTruncated() throws Exception {
        byte[] jpeg = TestPhotos.jpegBytes(TestPhotos.pattern(640, 480, 5), true);
        Path cut = Files.write(dir.resolve("cut-progressive.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        DecodedPhoto decoded = PhotoDecoder.decodeChecked(cut, 224);
        assertTrue(decoded.damaged());
        assertTrue(decoded.damage().startsWith("truncated:"), decoded.damage());
    }

    @Test
    void intactFilesAreNotDamagedAlsoWithDataAfterTheImage() throws Exception {
        byte[] photo = poolPhoto();
        byte[] trailer = "SEFT camera trailer".getBytes();
        byte[] withTrailer = Arrays.copyOf(photo, photo.length + trailer.length);
        System.arraycopy(trailer, 0, withTrailer, photo.length, trailer.length);
        Path plain = Files.write(dir.resolve("plain.jpg"), photo);
        Path trailing = Files.write(dir.resolve("trailing.jpg"), withTrailer);
        Path progressive = TestPhotos.writeJpeg(TestPhotos.pattern(300, 200, 6), dir.resolve("p.jpg"), true);
        Path png = dir.resolve("p.png");
        ImageIO.write(TestPhotos.pattern(120, 90, 7), "png", png.toFile());
        for (Path file : List.of(plain, trailing, progressive, png)) {
            assertNull(PhotoDecoder.decodeChecked(file, 224).damage(), file.toString());
        }
        // only the end marker missing: every pixel is there
        Path noEnd = Files.write(dir.resolve("no-end.jpg"), Arrays.copyOf(photo, photo.length - 2));
        assertNull(PhotoDecoder.decodeChecked(noEnd, 224).damage());
    }

    // Issue 18, point 4: damage that the file's ends do not show; only the decoder's warning tells.

    @Test
    void aCutJpegWithAnEndMarkerAppendedAndOneWithAMegabyteZeroedAreDamaged() throws Exception {
        byte[] jpeg = TestPhotos.jpegBytes(TestPhotos.noise(2000, 1500, 18), false);
        assertTrue(jpeg.length > 3 * (1 << 20), "large enough for a megabyte of zeroes: " + jpeg.length);
        Path half = Files.write(dir.resolve("half.jpg"), TestPhotos.cutWithEndMarker(jpeg, 0.5));
        Path zeroed = Files.write(dir.resolve("zeroed.jpg"), TestPhotos.zeroedInsideTheScan(jpeg, 1 << 20));
        Path intact = Files.write(dir.resolve("intact.jpg"), jpeg);
        for (Path damaged : List.of(half, zeroed)) {
            for (int side : new int[] {224, 448, Integer.MAX_VALUE}) { // libjpeg-turbo at 1/8, 1/2; full size
                DecodedPhoto decoded = PhotoDecoder.decodeChecked(damaged, side);
                assertTrue(decoded.damaged(), damaged.getFileName() + " at " + side);
                assertTrue(decoded.damage().startsWith("corrupt JPEG data: "), decoded.damage());
            }
        }
        assertTrue(
                PhotoDecoder.decodeChecked(half, 224).damage().contains("premature end of data segment"),
                PhotoDecoder.decodeChecked(half, 224).damage());
        assertTrue(
                PhotoDecoder.decodeChecked(zeroed, 224).damage().contains("extraneous bytes"),
                PhotoDecoder.decodeChecked(zeroed, 224).damage());
        assertNull(PhotoDecoder.decodeChecked(intact, 224).damage(), "the intact noise photo");
        assertTrue(FastJpegDecoder.hasZeroRun(
                ByteBuffer.wrap(Files.readAllBytes(zeroed)), FastJpegDecoder.ZERO_RUN_BYTES));
        assertFalse(FastJpegDecoder.hasZeroRun(ByteBuffer.wrap(jpeg), FastJpegDecoder.ZERO_RUN_BYTES));
    }

    @Test
    void anIntactJpegWhoseImageDataHoldsLongZeroRunsIsNotDamaged() throws Exception {
        // a black photo with optimised Huffman tables: its commonest codes are all zero bits
        java.awt.image.BufferedImage black =
                new java.awt.image.BufferedImage(2000, 1500, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageWriter writer =
                ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            javax.imageio.plugins.jpeg.JPEGImageWriteParam param =
                    new javax.imageio.plugins.jpeg.JPEGImageWriteParam(null);
            param.setOptimizeHuffmanTables(true);
            writer.write(null, new javax.imageio.IIOImage(black, null, null), param);
        } finally {
            writer.dispose();
        }
        assertTrue(
                FastJpegDecoder.hasZeroRun(ByteBuffer.wrap(bytes.toByteArray()), FastJpegDecoder.ZERO_RUN_BYTES),
                "the fixture has the zero runs it is meant to have");
        Path photo = Files.write(dir.resolve("black.jpg"), bytes.toByteArray());
        assertNull(PhotoDecoder.decodeChecked(photo, 224).damage());
    }

    @Test
    void onlyWarningsAboutTheImageDataCountAsDamage() {
        assertTrue(DecoderWarnings.isCorruptData("Corrupt JPEG data: bad Huffman code"));
        assertTrue(DecoderWarnings.isCorruptData("Premature end of JPEG file"));
        assertFalse(DecoderWarnings.isCorruptData("Corrupt JPEG data: bad ICC marker"));
        assertFalse(DecoderWarnings.isCorruptData("Warning: unknown JFIF revision number 3.01"));
    }

    // 9. A decompression bomb is refused from its header, before any decoder allocates for it.

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderInMilliseconds() throws Exception {
        Path baseline = Files.write(
                dir.resolve("bomb.jpg"),
                TestPhotos.declaringSize(TestPhotos.jpegBytes(TestPhotos.pattern(64, 64, 8), false), 65000, 65000));
        Path progressive = Files.write(
                dir.resolve("bomb-progressive.jpg"),
                TestPhotos.declaringSize(TestPhotos.jpegBytes(TestPhotos.pattern(64, 64, 9), true), 65000, 65000));
        Path png = Files.write(dir.resolve("bomb.png"), pngDeclaring(60000, 60000));
        for (Path bomb : List.of(baseline, progressive, png)) {
            long start = System.nanoTime();
            UnreadablePhotoException e =
                    assertThrows(UnreadablePhotoException.class, () -> PhotoDecoder.decode(bomb, 224));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.getMessage().startsWith("too large to decode"), e.getMessage());
            assertTrue(millis < 1000, bomb.getFileName() + " took " + millis + " ms");
        }
        try (SeekableByteChannel channel = Files.newByteChannel(progressive)) {
            JpegIntegrity.Header header = JpegIntegrity.header(channel).orElseThrow();
            assertEquals(new JpegIntegrity.Header(65000, 65000, true), header);
        }
    }

    @Test
    void theLimitsAreTheDocumentedOnes() throws Exception {
        PhotoLimits.check(20000, 12500, false); // 250 MP exactly
        assertThrows(UnreadablePhotoException.class, () -> PhotoLimits.check(20000, 12501, false));
        PhotoLimits.check(10000, 10000, true);
        assertThrows(UnreadablePhotoException.class, () -> PhotoLimits.check(10000, 10001, true));
    }

    /** A small PNG whose header claims {@code width × height} (with a valid header checksum). */
    static byte[] pngDeclaring(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(TestPhotos.pattern(32, 32, 10), "png", bytes);
        byte[] png = bytes.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, width).putInt(20, height); // IHDR data starts at 16
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // "IHDR" and its 13 data bytes
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    // 11. Unreadable for a reason the user can act on; names the platform cannot spell.

    @Test
    void aFileThatCannotBeReadIsReportedAsPermissionDenied() throws Exception {
        assumeFalse(Machine.isRoot(), "root reads a mode-000 file");
        Path locked = TestPhotos.writeJpeg(TestPhotos.pattern(64, 48, 11), dir.resolve("locked.jpg"), false);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        UnreadablePhotoException e =
                assertThrows(UnreadablePhotoException.class, () -> PhotoDecoder.decode(locked, 10));
        assertTrue(e.getMessage().startsWith("permission denied"), e.getMessage());
    }

    @Test
    void aJpegWhoseNameIsNotValidUtf8IsRead() throws Exception {
        Path photo = TestPhotos.writeJpeg(TestPhotos.pattern(64, 48, 12), dir.resolve("source.jpg"), false);
        Path latin1 = Machine.copyToLatin1Name(photo, "caf\\351.jpg");
        assertFalse(latin1.toString().endsWith("café.jpg"), "the name is not valid UTF-8");
        assertEquals(64, PhotoDecoder.decodeFull(latin1).getWidth());
    }
}
