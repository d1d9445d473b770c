package org.roomnet.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/** Grey and colour-managed test photos: grey JPEGs, and JPEGs whose numbers are in an embedded ICC profile's space. */
public final class ColourPhotos {

    private ColourPhotos() {}

    /** Saturated bars over a grey ramp: where an unconverted Adobe RGB or P3 copy is far off. */
    public static BufferedImage chart(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Color[] bars = {
            Color.RED,
            Color.GREEN,
            Color.BLUE,
            Color.CYAN,
            Color.MAGENTA,
            Color.YELLOW,
            new Color(200, 120, 40),
            new Color(40, 140, 90)
        };
        int barWidth = (width + bars.length - 1) / bars.length;
        for (int i = 0; i < bars.length; i++) {
            g.setPaint(new GradientPaint(0, 0, bars[i], 0, height * 0.6f, Color.WHITE));
            g.fillRect(i * barWidth, 0, barWidth, height * 2 / 3);
        }
        g.setPaint(new GradientPaint(0, 0, Color.BLACK, width, 0, Color.WHITE));
        g.fillRect(0, height * 2 / 3, width, height - height * 2 / 3);
        g.dispose();
        return img;
    }

    /** A one-channel picture: a ramp with a few shapes. */
    public static BufferedImage grey(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 20, 20), width, height, new Color(235, 235, 235)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(128, 128, 128));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return img;
    }

    /** The sRGB picture's colours as numbers of the profile's space (TYPE_INT_RGB, the numbers as stored). */
    public static BufferedImage numbersIn(BufferedImage srgb, byte[] iccProfile) {
        ICC_ColorSpace space = new ICC_ColorSpace(ICC_Profile.getInstance(iccProfile));
        BufferedImage converted =
                new ColorConvertOp(ColorSpace.getInstance(ColorSpace.CS_sRGB), space, null).filter(srgb, null);
        BufferedImage out = new BufferedImage(srgb.getWidth(), srgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] pixel = new int[3];
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                converted.getRaster().getPixel(x, y, pixel);
                out.setRGB(x, y, pixel[0] << 16 | pixel[1] << 8 | pixel[2]);
            }
        }
        return out;
    }

    /** A JPEG of the picture's numbers (quality 0.95) carrying {@code iccProfile} in an APP2 segment. */
    public static byte[] taggedJpeg(BufferedImage numbers, byte[] iccProfile) throws IOException {
        return withIccProfile(TestPhotos.jpegBytes(numbers, false), iccProfile);
    }

    /** Inserts an ICC profile (one APP2 "ICC_PROFILE" chunk) after the JFIF segment, or after SOI. */
    public static byte[] withIccProfile(byte[] jpeg, byte[] iccProfile) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        byte[] name = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + name.length + 2 + iccProfile.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(0xE2);
        out.write(length >> 8);
        out.write(length);
        out.writeBytes(name);
        out.write(1);
        out.write(1);
        out.writeBytes(iccProfile);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** A PNG of the picture's numbers carrying {@code iccProfile} in an iCCP chunk (after IHDR, zlib-compressed). */
    public static byte[] taggedPng(BufferedImage numbers, byte[] iccProfile) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(numbers, "png", png)) {
            throw new IOException("no PNG writer");
        }
        return withIccChunk(png.toByteArray(), iccProfile);
    }

    /** Inserts an iCCP chunk holding {@code iccProfile} (deflated, or the bytes as given when not {@code deflate}). */
    public static byte[] withIccChunk(byte[] png, byte[] iccProfile) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(compressed)) {
            z.write(iccProfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withChunk(png, "iCCP", "icc\0\0".getBytes(StandardCharsets.ISO_8859_1), compressed.toByteArray());
    }

    /** Inserts a chunk after IHDR (8-byte signature, then IHDR's 25 bytes), its CRC computed. */
    public static byte[] withChunk(byte[] png, String type, byte[]... parts) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            data.writeBytes(part);
        }
        byte[] body = data.toByteArray();
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(body);
        int at = 8 + 25;
        ByteBuffer chunk = ByteBuffer.allocate(12 + body.length)
                .putInt(body.length)
                .put(typeBytes)
                .put(body)
                .putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + chunk.capacity());
        out.write(png, 0, at);
        out.writeBytes(chunk.array());
        out.write(png, at, png.length - at);
        return out.toByteArray();
    }

    /**
     * An uncompressed RGB TIFF (big-endian, one strip) of the picture's numbers, carrying {@code iccProfile} in
     * tag 34675 when it is not null. Written here: Java's TIFF writer has no way to embed a profile it cannot read.
     */
    public static byte[] tiff(BufferedImage numbers, byte[] iccProfile) {
        int w = numbers.getWidth();
        int h = numbers.getHeight();
        int[][] entries = {
            {256, 3, 1, w},
            {257, 3, 1, h},
            {258, 3, 3, -1},
            {259, 3, 1, 1},
            {262, 3, 1, 2},
            {273, 4, 1, -2},
            {277, 3, 1, 3},
            {278, 3, 1, h},
            {279, 4, 1, w * h * 3},
            {34675, 7, -3, -3}
        };
        int count = iccProfile == null ? entries.length - 1 : entries.length;
        int bitsAt = 8 + 2 + 12 * count + 4;
        int profileAt = bitsAt + 6;
        int pixelsAt = profileAt + (iccProfile == null ? 0 : iccProfile.length);
        ByteBuffer b = ByteBuffer.allocate(pixelsAt + w * h * 3);
        b.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) count);
        for (int i = 0; i < count; i++) {
            int[] e = entries[i];
            b.putShort((short) e[0]).putShort((short) e[1]);
            if (e[3] == -1) {
                b.putInt(3).putInt(bitsAt);
            } else if (e[3] == -2) {
                b.putInt(1).putInt(pixelsAt);
            } else if (e[3] == -3) {
                b.putInt(iccProfile.length).putInt(profileAt);
            } else if (e[1] == 3) {
                b.putInt(1).putShort((short) e[3]).putShort((short) 0);
            } else {
                b.putInt(1).putInt(e[3]);
            }
        }
        b.putInt(0).putShort((short) 8).putShort((short) 8).putShort((short) 8);
        if (iccProfile != null) {
            b.put(iccProfile);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = numbers.getRGB(x, y);
                b.put((byte) (p >> 16)).put((byte) (p >> 8)).put((byte) p);
            }
        }
        return b.array();
    }

    /**
     * A lossless WebP of one colour ({@code rgb}), {@code iccProfile} in its ICCP chunk (null: none). Java writes no
     * WebP, so the bitstream is written here (VP8L, WebP's lossless format): with a single symbol in each of the
     * five prefix codes, every pixel is that colour and takes no bits.
     */
    public static byte[] solidWebp(int width, int height, int rgb, byte[] iccProfile) {
        Bits bits = new Bits();
        bits.put(0x2f, 8); // VP8L signature
        bits.put(width - 1, 14);
        bits.put(height - 1, 14);
        bits.put(0, 1); // no alpha
        bits.put(0, 3); // version 0
        bits.put(0, 1); // no transform
        bits.put(0, 1); // no colour cache
        bits.put(0, 1); // one prefix code group
        int[] symbols = {(rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF, rgb & 0xFF, 0xFF, 0
        }; // green, red, blue, alpha, distance
        for (int symbol : symbols) {
            bits.put(1, 1); // a simple code
            bits.put(0, 1); // of one symbol
            bits.put(1, 1); // written in 8 bits
            bits.put(symbol, 8);
        }
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        if (iccProfile != null) {
            ByteBuffer vp8x = ByteBuffer.allocate(10).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            vp8x.put((byte) 0x20); // an ICC profile follows
            vp8x.put(new byte[3]);
            vp8x.putShort((short) (width - 1)).put((byte) ((width - 1) >> 16));
            vp8x.putShort((short) (height - 1)).put((byte) ((height - 1) >> 16));
            riffChunk(chunks, "VP8X", vp8x.array());
            riffChunk(chunks, "ICCP", iccProfile);
        }
        riffChunk(chunks, "VP8L", bits.bytes());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(littleEndian(4 + chunks.size()));
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunks.toByteArray());
        return out.toByteArray();
    }

    private static void riffChunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(littleEndian(data.length));
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    private static byte[] littleEndian(int value) {
        return ByteBuffer.allocate(4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(value)
                .array();
    }

    /** Bits written least significant first, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int used;

        void put(int value, int count) {
            buffer |= ((long) value & ((1L << count) - 1)) << used;
            used += count;
            while (used >= 8) {
                out.write((int) (buffer & 0xFF));
                buffer >>>= 8;
                used -= 8;
            }
        }

        byte[] bytes() {
            if (used > 0) {
                out.write((int) (buffer & 0xFF));
                buffer = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
    /** Mean absolute difference per channel, in 0-255 levels, of two pictures of the same size. */
    public static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs(((p >> shift) & 255) - ((q >> shift) & 255));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    /** Mean of R, G and B over the picture, 0-255, read through getRGB (sRGB). */
    public static double meanLevel(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                sum += ((p >> 16) & 255) + ((p >> 8) & 255) + (p & 255);
            }
        }
        return sum / (3.0 * image.getWidth() * image.getHeight());
    }
}
