package org.roomnet.core.imaging;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The metadata of a HEIC/HEIF photo that the listing export carries over to its JPEG: the EXIF (capture time,
 * camera, exposure), read by libheif. Commons Imaging, which writes the export's metadata, cannot read HEIF.
 */
public final class HeifMetadata {

    private HeifMetadata() {}

    /** Whether the file's first bytes are a HEIF file's. */
    public static boolean isHeif(byte[] file) {
        return HeifDecoder.isHeif(
                ByteBuffer.wrap(file, 0, Math.min(64, file.length)).slice());
    }

    /**
     * The EXIF of a HEIF file's primary image as a TIFF structure (what a JPEG's APP1 holds after "Exif\0\0");
     * empty when it has none, the file is no HEIF file, or libheif is not installed.
     */
    public static Optional<byte[]> exif(byte[] file) {
        return isHeif(file) ? HeifDecoder.exif(ByteBuffer.wrap(file)) : Optional.empty();
    }
}
