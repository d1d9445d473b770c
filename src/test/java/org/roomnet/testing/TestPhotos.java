package org.roomnet.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Test fixtures: generated pictures, and pool photos copied at run time (never committed). */
public final class TestPhotos {

    private TestPhotos() {}

    public static Path pool() {
        Path pool = Path.of(System.getProperty("roomnet.pool", "../shared/datasets/roomtypes"));
        if (!Files.isDirectory(pool)) {
            throw new IllegalStateException("photo pool not found at " + pool.toAbsolutePath());
        }
        return pool;
    }

    public static Path model() {
        return Path.of(System.getProperty("roomnet.model", "model/roomnet.onnx"));
    }

    /** Model v2 (six rooms, an embedding, no unknown detector), kept beside the shipped v3. */
    public static Path modelV2() {
        return Path.of("model/v2/roomnet-v2.onnx");
    }

    /** RoomNet v1 (the original architecture), kept beside the shipped model as its baseline. */
    public static Path modelV1() {
        return Path.of("model/v1/roomnet-v1.onnx");
    }

    /** Copies the first {@code perClass} photos of {@code source}/{@code roomType} into {@code dir}. */
    public static List<Path> copyFromPool(String source, String roomType, int count, Path dir) throws IOException {
        Path classDir = pool().resolve(source).resolve(roomType);
        List<Path> copied = new ArrayList<>();
        try (Stream<Path> files = Files.list(classDir)) {
            for (Path p : files.sorted().limit(count).toList()) {
                Path target =
                        dir.resolve(roomType + "_" + p.getFileName().toString().replace(' ', '_'));
                copied.add(Files.copy(p, target));
            }
        }
        return copied;
    }

    /** A small shoot of real photos from several sources and rooms. */
    public static List<Path> smallShoot(Path dir) throws IOException {
        List<Path> all = new ArrayList<>();
        all.addAll(copyFromPool("houses", "Kitchen", 2, dir));
        all.addAll(copyFromPool("houses", "Bathroom", 1, dir));
        all.addAll(copyFromPool("houses", "Frontyard", 1, dir));
        all.addAll(copyFromPool("roboflow_rooms", "LivingRoom", 1, dir));
        all.addAll(copyFromPool("miniplaces", "Backyard", 1, dir));
        return all;
    }

    public static BufferedImage pattern(int width, int height, long seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(random.nextInt(0xffffff)));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), width / 4 + 1, height / 4 + 1);
        }
        g.dispose();
        return img;
    }

    public static Path writeJpeg(BufferedImage image, Path file, boolean progressive) throws IOException {
        Files.write(file, jpegBytes(image, progressive));
        return file;
    }

    public static byte[] jpegBytes(BufferedImage image, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A JPEG with an EXIF APP1 segment holding only the orientation tag. */
    public static Path writeJpegWithOrientation(BufferedImage stored, int orientation, Path file) throws IOException {
        byte[] jpeg = jpegBytes(stored, false);
        byte[] tiff = {
            'M',
            'M',
            0,
            42,
            0,
            0,
            0,
            8, // big-endian TIFF header, IFD0 at offset 8
            0,
            1, // one entry
            0x01,
            0x12,
            0,
            3,
            0,
            0,
            0,
            1, // tag 0x0112 (orientation), SHORT, count 1
            0,
            (byte) orientation,
            0,
            0, // value
            0,
            0,
            0,
            0
        }; // no next IFD
        byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exifHeader.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(exifHeader);
        out.write(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        Files.write(file, out.toByteArray());
        return file;
    }

    /** An 80 x 60 CMYK JPEG (four components, no Adobe colour transform). */
    public static Path writeCmykJpeg(Path file) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 80, 60, 4, null);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 80; x++) {
                raster.setPixel(x, y, new int[] {x * 3, y * 4, 40, 10});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        return file;
    }

    public static Path writeRandomBytes(Path file, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(file, bytes);
    }

    /** The JPEG with its frame header's height and width rewritten: a decompression bomb when they are large. */
    public static byte[] declaringSize(byte[] jpeg, int width, int height) {
        byte[] out = jpeg.clone();
        for (int i = 2; i + 8 < out.length; i++) {
            int m = out[i + 1] & 0xFF;
            if ((out[i] & 0xFF) == 0xFF && (m == 0xC0 || m == 0xC2)) {
                out[i + 5] = (byte) (height >> 8);
                out[i + 6] = (byte) height;
                out[i + 7] = (byte) (width >> 8);
                out[i + 8] = (byte) width;
                return out;
            }
        }
        throw new IllegalArgumentException("no frame header");
    }

    /** Sensor-like noise: every pixel random, so the JPEG is large (a 2000 × 1500 one is about 3.5 MB at quality 95). */
    public static BufferedImage noise(int width, int height, long seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] pixels = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(0x1000000);
        }
        return img;
    }

    /** Where the image data starts: the byte after the first start-of-scan segment. */
    public static int scanStart(byte[] jpeg) {
        for (int i = 2; i + 4 < jpeg.length; ) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xDA) {
                return i + 2 + length;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no scan");
    }

    /** The JPEG cut at {@code kept} of its length, with an end-of-image marker appended (it "ends well"). */
    public static byte[] cutWithEndMarker(byte[] jpeg, double kept) {
        byte[] cut = java.util.Arrays.copyOf(jpeg, (int) (jpeg.length * kept) + 2);
        cut[cut.length - 2] = (byte) 0xFF;
        cut[cut.length - 1] = (byte) 0xD9;
        return cut;
    }

    /** The JPEG with {@code bytes} zeroed inside its image data, from a quarter of the way in; length and end unchanged. */
    public static byte[] zeroedInsideTheScan(byte[] jpeg, int bytes) {
        int start = scanStart(jpeg);
        int from = start + (jpeg.length - start) / 4;
        if (from + bytes > jpeg.length - 2) {
            throw new IllegalArgumentException("the image data is too short for " + bytes + " zeroes");
        }
        byte[] out = jpeg.clone();
        java.util.Arrays.fill(out, from, from + bytes, (byte) 0);
        return out;
    }

    /**
     * A large RGB PNG written a row at a time, never held in memory: mid-grey with a coloured stripe every
     * 64 rows, so it compresses to little (a 40 MP one is under 1 MB and takes well under a second).
     */
    public static Path writeFlatPng(Path file, int width, int height) throws IOException {
        try (java.io.OutputStream raw = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                java.io.DataOutputStream out = new java.io.DataOutputStream(raw)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13)
                    .putInt(width)
                    .putInt(height)
                    .put((byte) 8)
                    .put((byte) 2)
                    .put((byte) 0)
                    .put((byte) 0)
                    .put((byte) 0);
            pngChunk(out, "IHDR", ihdr.array());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
            try (java.util.zip.DeflaterOutputStream z =
                    new java.util.zip.DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] grey = new byte[1 + 3 * width];
                java.util.Arrays.fill(grey, (byte) 128);
                grey[0] = 0; // filter: none
                byte[] stripe = grey.clone();
                for (int x = 0; x < width; x++) {
                    stripe[1 + 3 * x] = (byte) (x * 7);
                    stripe[2 + 3 * x] = (byte) 40;
                }
                for (int y = 0; y < height; y++) {
                    z.write(y % 64 == 0 ? stripe : grey);
                }
            } finally {
                deflater.end();
            }
            pngChunk(out, "IDAT", idat.toByteArray());
            pngChunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void pngChunk(java.io.DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
