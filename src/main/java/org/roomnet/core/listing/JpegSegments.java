package org.roomnet.core.listing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Keeps only the header segments of a JPEG that carry no personal data: JFIF (APP0), the ICC colour
 * profile (APP2 "ICC_PROFILE") and Adobe's colour transform (APP14), plus every non-APP segment (the
 * tables and the frame); EXIF, XMP, IPTC, maker and vendor segments and comments go. The image data
 * (from the first scan on) is copied byte for byte: nothing is re-encoded.
 */
final class JpegSegments {

    private JpegSegments() {
    }

    static byte[] withoutPersonalSegments(byte[] jpeg) throws IOException {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IOException("not a JPEG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int i = 2;
        while (i + 4 <= jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                throw new IOException("damaged JPEG header at byte " + i);
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xDA) { // start of scan: the rest is image data
                out.write(jpeg, i, jpeg.length - i);
                return out.toByteArray();
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > jpeg.length) {
                throw new IOException("damaged JPEG segment at byte " + i);
            }
            if (keep(jpeg, i, marker, length)) {
                out.write(jpeg, i, 2 + length);
            }
            i += 2 + length;
        }
        throw new IOException("the JPEG has no image data");
    }

    private static boolean keep(byte[] jpeg, int at, int marker, int length) {
        if (marker == 0xFE) { // comment
            return false;
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return true;
        }
        return marker == 0xE0 || marker == 0xEE || (marker == 0xE2 && startsWith(jpeg, at + 4, length - 2, "ICC_PROFILE\0"));
    }

    private static boolean startsWith(byte[] data, int from, int available, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (available < p.length) {
            return false;
        }
        for (int k = 0; k < p.length; k++) {
            if (data[from + k] != p[k]) {
                return false;
            }
        }
        return true;
    }
}
