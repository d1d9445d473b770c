package org.roomnet.core.imaging;

import java.util.Locale;

/**
 * The largest photo RoomNet decodes, checked on the size a file declares in its header before any
 * decoder allocates for it: a 32 KB file can claim 65,000 × 65,000 pixels, and decoders size their
 * buffers from the claim. 250 MP is ten times a full-frame camera's photo. A progressive JPEG is
 * held whole as coefficients during its decode (about 6 bytes per pixel of native memory, whatever
 * the reduced output size), so it is limited to 100 MP, at most some 600 MB per decoding thread.
 */
public final class PhotoLimits {

    public static final long MAX_PIXELS = 250_000_000L;
    public static final long MAX_PROGRESSIVE_JPEG_PIXELS = 100_000_000L;
    /** Why a photo under the limits was still not decoded: the heap could not hold it (one photo's error, not the run's). */
    public static final String NOT_ENOUGH_MEMORY = "photo too large to decode in the memory available";

    private PhotoLimits() {}

    /** Throws, with the reason for the user, when the declared size is over the limit. */
    public static void check(int width, int height, boolean progressiveJpeg) throws UnreadablePhotoException {
        long pixels = (long) width * height;
        long limit = progressiveJpeg ? MAX_PROGRESSIVE_JPEG_PIXELS : MAX_PIXELS;
        if (pixels > limit) {
            throw new UnreadablePhotoException(String.format(
                    Locale.ROOT,
                    "too large to decode: it declares %d × %d pixels (%d MP); the limit is %d MP%s",
                    width,
                    height,
                    pixels / 1_000_000,
                    limit / 1_000_000,
                    progressiveJpeg ? " for a progressive JPEG" : ""));
        }
    }
}
