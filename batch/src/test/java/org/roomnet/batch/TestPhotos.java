package org.roomnet.batch;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Generated JPEGs for the tests: no photo of the shared data set is needed. */
final class TestPhotos {

    private TestPhotos() {}

    /** A 256x192 JPEG of coloured rectangles, different for each seed. */
    static byte[] jpeg(long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(256, 192, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillRect(0, 0, 256, 192);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillRect(random.nextInt(256), random.nextInt(192), 10 + random.nextInt(120), 10 + random.nextInt(90));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    static Path write(Path file, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, jpeg(seed));
    }

    /** A JPEG cut after 60 % of its bytes: decoded from what is there, reported as damaged. */
    static Path writeCut(Path file, long seed) throws IOException {
        byte[] whole = jpeg(seed);
        byte[] cut = new byte[whole.length * 6 / 10];
        System.arraycopy(whole, 0, cut, 0, cut.length);
        return Files.write(file, cut);
    }
}
