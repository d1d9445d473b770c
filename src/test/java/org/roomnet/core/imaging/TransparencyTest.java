package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: transparent pixels are flattened on white on every path (the model, thumbnails, the export), as in training. */
class TransparencyTest {

    @TempDir
    Path dir;

    @Test
    void aPngWithAlphaIsFlattenedOnWhite() throws Exception {
        BufferedImage argb = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int alpha = x < 32 ? 0 : x < 48 ? 128 : 255;
                argb.setRGB(x, y, alpha << 24 | 0x000000); // black, more or less transparent
            }
        }
        Path png = dir.resolve("alpha.png");
        ImageIO.write(argb, "png", png.toFile());

        BufferedImage decoded = PhotoDecoder.decode(png, 10_000);
        assertEquals(0xFFFFFF, decoded.getRGB(5, 5) & 0xFFFFFF, "transparent black is white");
        assertEquals(0x7F7F7F, decoded.getRGB(40, 5) & 0xFFFFFF, "half transparent black is mid grey");
        assertEquals(0x000000, decoded.getRGB(60, 5) & 0xFFFFFF, "opaque black stays black");
    }

    @Test
    void aPalettePngWithATransparentEntryIsFlattenedOnWhite() throws Exception {
        byte[] r = {0, (byte) 200};
        byte[] g = {0, (byte) 10};
        byte[] b = {0, (byte) 10};
        IndexColorModel palette = new IndexColorModel(1, 2, r, g, b, 0); // entry 0 is transparent
        BufferedImage indexed = new BufferedImage(32, 16, BufferedImage.TYPE_BYTE_BINARY, palette);
        for (int y = 0; y < 16; y++) {
            for (int x = 16; x < 32; x++) {
                indexed.getRaster().setSample(x, y, 0, 1);
            }
        }
        Path png = dir.resolve("palette.png");
        ImageIO.write(indexed, "png", png.toFile());

        BufferedImage decoded = PhotoDecoder.decode(png, 10_000);
        assertEquals(0xFFFFFF, decoded.getRGB(3, 3) & 0xFFFFFF, "the transparent entry is white, not black");
        assertEquals(0xC80A0A, decoded.getRGB(20, 3) & 0xFFFFFF, "the opaque entry keeps its colour");
    }
}
