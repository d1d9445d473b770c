package org.roomnet.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A generated shoot of large JPEGs for the benchmarks: pool photos enlarged to {@code megapixels}, with
 * sensor-like noise (independent per pixel, in brightness and colour) and saved at quality 92, so a 24 MP
 * photo is about 8.7 MB and costs what a camera's JPEG costs to decode. Beyond {@code distinct} photos the
 * shoot holds hard links to them. Files already in {@code dir} are reused.
 */
record BenchmarkShoot(Path pool, int photos, int distinct, double megapixels) {

    private static final double LUMA_NOISE = 7.0;
    private static final double CHROMA_NOISE = 3.5;
    private static final float QUALITY = 0.92f;

    List<Path> build(Path dir) throws IOException {
        int width = (int) Math.round(Math.sqrt(megapixels * 1e6 * 3 / 2));
        int height = width * 2 / 3;
        Path originals = Files.createDirectories(dir.resolve("originals"));
        Path shootDir = Files.createDirectories(dir.resolve("shoot"));
        List<Path> made = new ArrayList<>();
        List<Path> sources = null;
        int count = Math.min(distinct, photos);
        for (int i = 0; i < count; i++) {
            Path target = originals.resolve(String.format("large_%03d.jpg", i));
            if (!Files.exists(target)) {
                sources = sources != null ? sources : poolPhotos();
                BufferedImage small =
                        ImageIO.read(sources.get(i * sources.size() / count).toFile());
                write(enlargeWithNoise(small, width, height, new Random(42 + i)), target);
            }
            made.add(target);
        }
        List<Path> shoot = new ArrayList<>();
        for (int i = 0; i < photos; i++) {
            Path link = shootDir.resolve(String.format("IMG_%05d.jpg", i));
            if (!Files.exists(link)) {
                try {
                    Files.createLink(link, made.get(i % made.size()));
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(made.get(i % made.size()), link);
                }
            }
            shoot.add(link);
        }
        Set<Path> wanted = Set.copyOf(shoot);
        try (Stream<Path> listed = Files.list(shootDir)) {
            for (Path extra : listed.filter(p -> !wanted.contains(p)).toList()) {
                Files.delete(extra); // left by a larger run: the shoot folder holds exactly this shoot
            }
        }
        return shoot;
    }

    private List<Path> poolPhotos() throws IOException {
        if (!Files.isDirectory(pool)) {
            throw new IOException("photo pool not found: " + pool.toAbsolutePath() + " (--pool)");
        }
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(pool)) {
            sources = walk.filter(p -> p.toString().toLowerCase().endsWith(".jpg"))
                    .sorted()
                    .toList();
        }
        if (sources.isEmpty()) {
            throw new IOException("no JPEG photos under " + pool);
        }
        return sources;
    }

    static BufferedImage enlargeWithNoise(BufferedImage small, int width, int height, Random random) {
        BufferedImage large = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(small, 0, 0, width, height, null);
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            large.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int p = row[x];
                double luma = random.nextGaussian() * LUMA_NOISE;
                row[x] = noisy((p >> 16) & 0xff, luma, random) << 16
                        | noisy((p >> 8) & 0xff, luma, random) << 8
                        | noisy(p & 0xff, luma, random);
            }
            large.setRGB(0, y, width, 1, row, 0, width);
        }
        return large;
    }

    private static int noisy(int value, double luma, Random random) {
        long v = Math.round(value + luma + random.nextGaussian() * CHROMA_NOISE);
        return (int) Math.max(0, Math.min(255, v));
    }

    private static void write(BufferedImage image, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(partial.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        Files.move(partial, target);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
