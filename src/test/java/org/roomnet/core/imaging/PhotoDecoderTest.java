package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.TestPhotos;

class PhotoDecoderTest {

    @TempDir
    Path dir;

    @Test
    void largeJpegIsDecodedAtReducedSizeKeepingTheShortSideAboveTheMinimum() throws Exception {
        Path file = TestPhotos.writeJpeg(TestPhotos.pattern(3000, 2000, 1), dir.resolve("big.JPG"), false);
        BufferedImage img = PhotoDecoder.decode(file, 448);
        assertTrue(img.getHeight() >= 448 && img.getHeight() < 2 * 448, "short side " + img.getHeight());
        assertEquals(3000.0 / 2000, (double) img.getWidth() / img.getHeight(), 0.01);
    }

    @Test
    void progressiveJpegPngBmpGifAndTiffAreRead() throws Exception {
        BufferedImage picture = TestPhotos.pattern(120, 90, 2);
        TestPhotos.writeJpeg(picture, dir.resolve("p.jpeg"), true);
        ImageIO.write(picture, "png", dir.resolve("p.png").toFile());
        ImageIO.write(picture, "bmp", dir.resolve("p.bmp").toFile());
        ImageIO.write(picture, "gif", dir.resolve("p.gif").toFile());
        ImageIO.write(picture, "tiff", dir.resolve("p.tif").toFile());
        for (String name : new String[] {"p.jpeg", "p.png", "p.bmp", "p.gif", "p.tif"}) {
            BufferedImage img = PhotoDecoder.decodeFull(dir.resolve(name));
            assertEquals(120, img.getWidth(), name);
        }
    }

    @Test
    void cmykJpegIsRead() throws Exception {
        Path file = TestPhotos.writeCmykJpeg(dir.resolve("cmyk.jpg"));
        BufferedImage img = PhotoDecoder.decodeFull(file);
        assertEquals(80, img.getWidth());
        assertEquals(60, img.getHeight());
    }

    @Test
    void emptyFileIsReportedAsEmpty() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.jpg"));
        UnreadablePhotoException e = assertThrows(UnreadablePhotoException.class, () -> PhotoDecoder.decode(file, 10));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void textFileIsNotAnImage() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "kitchen needs a second shot");
        UnreadablePhotoException e = assertThrows(UnreadablePhotoException.class, () -> PhotoDecoder.decode(file, 10));
        assertTrue(e.getMessage().contains("not a supported image"), e.getMessage());
    }

    @Test
    void corruptJpegIsReportedNotThrownAsSomethingElse() throws Exception {
        byte[] jpeg = TestPhotos.jpegBytes(TestPhotos.pattern(200, 150, 3), false);
        byte[] broken = new byte[jpeg.length];
        System.arraycopy(jpeg, 0, broken, 0, 200); // headers survive, the rest is noise
        for (int i = 200; i < broken.length; i++) {
            broken[i] = (byte) (i * 31);
        }
        Path file = Files.write(dir.resolve("broken.jpg"), broken);
        try {
            PhotoDecoder.decode(file, 10); // some decoders return a grey picture for damaged data
        } catch (UnreadablePhotoException expected) {
            assertTrue(!expected.getMessage().isBlank());
        }
        Path noise = TestPhotos.writeRandomBytes(dir.resolve("noise.jpg"), 5000, 5);
        assertThrows(UnreadablePhotoException.class, () -> PhotoDecoder.decode(noise, 10));
    }

    @Test
    void subsamplingStepKeepsTheShortSide() {
        assertEquals(1, PhotoDecoder.subsampling(800, 600, 448));
        assertEquals(8, PhotoDecoder.subsampling(6000, 4000, 448));
        assertEquals(1, PhotoDecoder.subsampling(6000, 4000, Integer.MAX_VALUE));
    }
}
