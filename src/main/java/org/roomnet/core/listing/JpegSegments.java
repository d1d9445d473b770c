package org.roomnet.core.listing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A JPEG copied without re-encoding, cut at the end of its image: whatever follows the end-of-image
 * marker (a camera trailer, a second JPEG appended with its own EXIF, GPS and all) never goes. By
 * default only the header segments that carry no personal data are kept: JFIF (APP0), the ICC colour
 * profile (APP2 "ICC_PROFILE") and Adobe's colour transform (APP14), plus every non-APP segment (the
 * tables and the frame); EXIF, XMP, IPTC, maker and vendor segments and comments go, also between the
 * scans of a progressive file. The image data is copied byte for byte: nothing is re-encoded.
 */
final class JpegSegments {

    private JpegSegments() {}

    /** The image without personal segments and without anything after its end. */
    static byte[] withoutPersonalSegments(byte[] jpeg) throws IOException {
        return copy(jpeg, false);
    }

    /** The image with every segment it has, but nothing after its end. */
    static byte[] imageOnly(byte[] jpeg) throws IOException {
        return copy(jpeg, true);
    }

    private static byte[] copy(byte[] jpeg, boolean allSegments) throws IOException {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IOException("not a JPEG");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        boolean sawScan = false;
        int i = 2;
        while (i + 2 <= jpeg.length) {
            if ((jpeg[i] & 0xFF) != 0xFF) {
                throw new IOException("damaged JPEG header at byte " + i);
            }
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xD9) { // end of image: what follows is not part of it
                out.write(0xFF);
                out.write(0xD9);
                return out.toByteArray();
            }
            if (i + 4 > jpeg.length) {
                break;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > jpeg.length) {
                throw new IOException("damaged JPEG segment at byte " + i);
            }
            if (marker == 0xDA) { // start of scan: its header, then the image data up to the next marker
                sawScan = true;
                int end = endOfScanData(jpeg, i + 2 + length);
                out.write(jpeg, i, end - i);
                i = end;
                continue;
            }
            if (allSegments || keep(jpeg, i, marker, length)) {
                out.write(jpeg, i, 2 + length);
            }
            i += 2 + length;
        }
        if (!sawScan) {
            throw new IOException("the JPEG has no image data");
        }
        out.write(0xFF); // the end marker was missing: every pixel is there, and the copy ends as a JPEG should
        out.write(0xD9);
        return out.toByteArray();
    }

    /** Where the entropy-coded data starting at {@code from} ends: the first marker that is not a stuffed byte or a restart. */
    private static int endOfScanData(byte[] jpeg, int from) {
        int j = from;
        while (j + 1 < jpeg.length) {
            if ((jpeg[j] & 0xFF) == 0xFF) {
                int next = jpeg[j + 1] & 0xFF;
                if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                    return j;
                }
                j += 2;
            } else {
                j++;
            }
        }
        return jpeg.length;
    }

    private static boolean keep(byte[] jpeg, int at, int marker, int length) {
        if (marker == 0xFE) { // comment
            return false;
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return true;
        }
        return marker == 0xE0
                || marker == 0xEE
                || (marker == 0xE2 && startsWith(jpeg, at + 4, length - 2, "ICC_PROFILE\0"));
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
