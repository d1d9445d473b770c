package org.roomnet.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Small matrix/TRC ICC v2 display profiles made here, so tests need no third-party profile file: Adobe RGB
 * (1998) and Display P3 from their published primaries (D65 white, Bradford-adapted to the D50 connection
 * space). training/roomnet_training/icc.py writes the same bytes.
 */
public final class IccProfiles {

    private static final double[] D50 = {0.9642, 1.0, 0.8249};
    private static final double[] D65_XY = {0.3127, 0.3290};

    private IccProfiles() {}

    /** Adobe RGB (1998): gamma 563/256. */
    public static byte[] adobeRgb() {
        return build(
                "Adobe RGB (1998) compatible, RoomNet test",
                new double[][] {{0.64, 0.33}, {0.21, 0.71}, {0.15, 0.06}},
                curveGamma(0x0233));
    }

    /** Display P3: the sRGB tone curve. */
    public static byte[] displayP3() {
        return build(
                "Display P3 compatible, RoomNet test",
                new double[][] {{0.680, 0.320}, {0.265, 0.690}, {0.150, 0.060}},
                curveSrgb());
    }

    private static byte[] build(String description, double[][] primaries, byte[] trc) {
        double[][] m = adaptedMatrix(primaries);
        byte[][] tags = {
            textDescription(description),
            text("No copyright, use freely"),
            xyz(whiteD65()),
            xyz(column(m, 0)),
            xyz(column(m, 1)),
            xyz(column(m, 2)),
            trc
        };
        String[] names = {"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"};
        int[] tagOf = {0, 1, 2, 3, 4, 5, 6, 6, 6};
        int tableEnd = 128 + 4 + 12 * names.length;
        int[] offsets = new int[tags.length];
        int at = tableEnd;
        for (int i = 0; i < tags.length; i++) {
            offsets[i] = at;
            at += pad4(tags[i].length);
        }
        ByteBuffer b = ByteBuffer.allocate(at);
        b.putInt(at)
                .putInt(0)
                .putInt(0x02100000)
                .put(ascii("mntr"))
                .put(ascii("RGB "))
                .put(ascii("XYZ "));
        b.putShort((short) 2026)
                .putShort((short) 1)
                .putShort((short) 1)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0);
        b.put(ascii("acsp"));
        b.position(64).putInt(0).putInt(s15(D50[0])).putInt(s15(D50[1])).putInt(s15(D50[2]));
        b.position(128).putInt(names.length);
        for (int i = 0; i < names.length; i++) {
            b.put(ascii(names[i])).putInt(offsets[tagOf[i]]).putInt(tags[tagOf[i]].length);
        }
        for (int i = 0; i < tags.length; i++) {
            b.position(offsets[i]).put(tags[i]);
        }
        return b.array();
    }

    static double[] whiteD65() {
        return xyzOf(D65_XY[0], D65_XY[1]);
    }

    private static double[] xyzOf(double x, double y) {
        return new double[] {x / y, 1.0, (1 - x - y) / y};
    }

    /** RGB to XYZ (D65) from the primaries, then Bradford to D50. */
    static double[][] adaptedMatrix(double[][] primaries) {
        double[][] p = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double[] v = xyzOf(primaries[c][0], primaries[c][1]);
            for (int r = 0; r < 3; r++) {
                p[r][c] = v[r];
            }
        }
        double[] s = mul(invert(p), whiteD65());
        double[][] rgbToXyz = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                rgbToXyz[r][c] = p[r][c] * s[c];
            }
        }
        double[][] bradford = {{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}};
        double[] src = mul(bradford, whiteD65());
        double[] dst = mul(bradford, D50);
        double[][] scale = {{dst[0] / src[0], 0, 0}, {0, dst[1] / src[1], 0}, {0, 0, dst[2] / src[2]}};
        double[][] adapt = mul(invert(bradford), mul(scale, bradford));
        return mul(adapt, rgbToXyz);
    }

    private static double[] column(double[][] m, int c) {
        return new double[] {m[0][c], m[1][c], m[2][c]};
    }

    private static byte[] textDescription(String s) {
        byte[] a = (s + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(12 + a.length + 4 + 4 + 2 + 1 + 67);
        b.put(ascii("desc")).putInt(0).putInt(a.length).put(a);
        return b.array(); // Unicode and ScriptCode parts empty (zeros)
    }

    private static byte[] text(String s) {
        byte[] a = (s + "\0").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(8 + a.length)
                .put(ascii("text"))
                .putInt(0)
                .put(a)
                .array();
    }

    private static byte[] xyz(double[] v) {
        return ByteBuffer.allocate(20)
                .put(ascii("XYZ "))
                .putInt(0)
                .putInt(s15(v[0]))
                .putInt(s15(v[1]))
                .putInt(s15(v[2]))
                .array();
    }

    private static byte[] curveGamma(int u8Fixed8) {
        return ByteBuffer.allocate(14)
                .put(ascii("curv"))
                .putInt(0)
                .putInt(1)
                .putShort((short) u8Fixed8)
                .array();
    }

    /** The sRGB curve as a parametric curve (function type 3). */
    private static byte[] curveSrgb() {
        ByteBuffer b = ByteBuffer.allocate(12 + 5 * 4)
                .put(ascii("para"))
                .putInt(0)
                .putShort((short) 3)
                .putShort((short) 0);
        for (double v : new double[] {2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045}) {
            b.putInt(s15(v));
        }
        return b.array();
    }

    private static int s15(double v) {
        return (int) Math.round(v * 65536);
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static double[] mul(double[][] m, double[] v) {
        double[] out = new double[3];
        for (int r = 0; r < 3; r++) {
            out[r] = m[r][0] * v[0] + m[r][1] * v[1] + m[r][2] * v[2];
        }
        return out;
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] out = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[r][c] = a[r][0] * b[0][c] + a[r][1] * b[1][c] + a[r][2] * b[2][c];
            }
        }
        return out;
    }

    private static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] inv = new double[3][3];
        inv[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        inv[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        inv[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        inv[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        inv[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        inv[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        inv[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        inv[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        inv[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return inv;
    }
}
