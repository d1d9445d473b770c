package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.TestPhotos;

class FastJpegDecoderTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void nativesAreThere() {
        // Without them every test below would quietly compare ImageIO with itself.
        assertTrue(FastJpegDecoder.available(), JpegNatives.problem());
    }

    @Test
    void scaleIsTheLargestDenominatorThatKeepsTheShortSide() {
        assertEquals(8, FastJpegDecoder.scaleFor(6000, 4000, 448));
        assertEquals(4, FastJpegDecoder.scaleFor(4000, 3000, 448));
        assertEquals(2, FastJpegDecoder.scaleFor(896, 1200, 448));
        assertEquals(1, FastJpegDecoder.scaleFor(894, 1200, 448)); // libjpeg rounds the scaled size up
        assertEquals(1, FastJpegDecoder.scaleFor(800, 600, 448));
        assertEquals(8, FastJpegDecoder.scaleFor(6000, 4000, 200));
        assertEquals(1, FastJpegDecoder.scaleFor(6000, 4000, Integer.MAX_VALUE));
        assertEquals(1, FastJpegDecoder.scaleFor(6000, 4000, 0));
    }

    @Test
    void largeJpegIsScaledInTheDctDomain() throws Exception {
        Path file = TestPhotos.writeJpeg(TestPhotos.pattern(3000, 2000, 1), dir.resolve("big.jpg"), false);
        BufferedImage img = FastJpegDecoder.decode(file, 448).orElseThrow();
        assertEquals(750, img.getWidth()); // 1/4: 1/8 would leave a short side of 250
        assertEquals(500, img.getHeight());
        BufferedImage viaDecoder = PhotoDecoder.decodeStored(file, 448);
        assertEquals(750, viaDecoder.getWidth());
    }

    @Test
    void exifOrientationIsAppliedOnceToTheScaledPicture() throws Exception {
        BufferedImage upright = new BufferedImage(1200, 1600, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = upright.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.fillRect(0, 0, 1200, 800);
        g.setColor(java.awt.Color.BLUE);
        g.fillRect(0, 800, 1200, 800);
        g.dispose();
        Path file =
                TestPhotos.writeJpegWithOrientation(Orientation.ROTATE_270_CW.apply(upright), 6, dir.resolve("t.jpg"));
        assertTrue(FastJpegDecoder.decode(file, 150).isPresent());
        BufferedImage decoded = PhotoDecoder.decode(file, 150); // stored 1600 x 1200, decoded at 1/8
        assertEquals(150, decoded.getWidth());
        assertEquals(200, decoded.getHeight());
        assertTrue(((decoded.getRGB(75, 10) >> 16) & 0xff) > 200, "top is red");
        assertTrue((decoded.getRGB(75, 190) & 0xff) > 200, "bottom is blue");
    }

    @Test
    void fullSizeDecodeMatchesImageIo() throws Exception {
        for (boolean progressive : new boolean[] {false, true}) {
            Path file = TestPhotos.writeJpeg(
                    TestPhotos.pattern(333, 250, 7), dir.resolve("p" + progressive + ".jpg"), progressive);
            BufferedImage fast = FastJpegDecoder.decode(file, Integer.MAX_VALUE).orElseThrow();
            BufferedImage imageIo = PhotoDecoder.decodeWithImageIo(file, Integer.MAX_VALUE);
            assertEquals(imageIo.getWidth(), fast.getWidth());
            assertEquals(imageIo.getHeight(), fast.getHeight());
            assertTrue(
                    maxChannelDifference(fast, imageIo) <= 2,
                    "progressive=" + progressive + ": " + maxChannelDifference(fast, imageIo));
        }
    }

    @Test
    void scaledDecodeIsTheBlockAverageOfTheFullPicture() throws Exception {
        Path file = TestPhotos.writeJpeg(TestPhotos.pattern(1600, 1200, 3), dir.resolve("avg.jpg"), false);
        BufferedImage eighth = FastJpegDecoder.decode(file, 150).orElseThrow();
        BufferedImage full = PhotoDecoder.decodeWithImageIo(file, Integer.MAX_VALUE);
        assertEquals(200, eighth.getWidth());
        double total = 0;
        for (int by = 0; by < 150; by++) {
            for (int bx = 0; bx < 200; bx++) {
                double green = 0;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        green += (full.getRGB(bx * 8 + x, by * 8 + y) >> 8) & 0xff;
                    }
                }
                total += Math.abs(green / 64 - ((eighth.getRGB(bx, by) >> 8) & 0xff));
            }
        }
        assertTrue(total / (200 * 150) < 2.0, "mean difference " + total / (200 * 150));
    }

    @Test
    void whatItDoesNotDecodeCleanlyIsLeftToImageIo() throws Exception {
        BufferedImage picture = TestPhotos.pattern(200, 150, 4);
        ImageIO.write(picture, "png", dir.resolve("p.png").toFile());
        BufferedImage grey = new BufferedImage(200, 150, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(picture, 0, 0, null);
        ImageIO.write(grey, "jpeg", dir.resolve("grey.jpg").toFile());
        TestPhotos.writeCmykJpeg(dir.resolve("cmyk.jpg"));
        byte[] jpeg = TestPhotos.jpegBytes(picture, false);
        Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
        Files.write(dir.resolve("no-eoi.jpg"), Arrays.copyOf(jpeg, jpeg.length - 2));
        byte[] corrupt = jpeg.clone();
        for (int i = jpeg.length / 2; i < jpeg.length - 2; i += 7) {
            corrupt[i] = (byte) 0xFF; // marker bytes in the middle of entropy-coded data
        }
        Files.write(dir.resolve("corrupt.jpg"), corrupt);
        TestPhotos.writeRandomBytes(dir.resolve("noise.jpg"), 5000, 5);
        for (String name :
                new String[] {"p.png", "grey.jpg", "cmyk.jpg", "truncated.jpg", "no-eoi.jpg", "corrupt.jpg", "noise.jpg"
                }) {
            assertEquals(Optional.empty(), FastJpegDecoder.decode(dir.resolve(name), 10), name);
        }
    }

    @Test
    void declinedFilesAreReportedExactlyAsImageIoReportsThem() throws Exception {
        byte[] jpeg = TestPhotos.jpegBytes(TestPhotos.pattern(240, 180, 6), false);
        Files.write(dir.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        byte[] headerOnly = Arrays.copyOf(jpeg, 300);
        Files.write(dir.resolve("header-only.jpg"), headerOnly);
        TestPhotos.writeRandomBytes(dir.resolve("noise.jpg"), 5000, 5);
        Files.writeString(dir.resolve("notes.txt"), "not a photo");
        Files.write(dir.resolve("soi-only.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        for (String name :
                new String[] {"truncated.jpg", "header-only.jpg", "noise.jpg", "notes.txt", "soi-only.jpg"}) {
            Path file = dir.resolve(name);
            assertEquals(
                    outcome(() -> PhotoDecoder.decodeWithImageIo(file, 10)),
                    outcome(() -> PhotoDecoder.decodeStored(file, 10)),
                    name);
        }
    }

    private interface Decode {
        BufferedImage run() throws UnreadablePhotoException;
    }

    /** "error: message" or "WxH mean-rgb": what a caller of the decoder gets to see. */
    private static String outcome(Decode decode) {
        try {
            BufferedImage img = decode.run();
            long sum = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    sum += img.getRGB(x, y) & 0xffffff;
                }
            }
            return img.getWidth() + "x" + img.getHeight() + " " + sum;
        } catch (UnreadablePhotoException e) {
            return "error: " + e.getMessage();
        }
    }

    static int maxChannelDifference(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    max = Math.max(max, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
                }
            }
        }
        return max;
    }
}
