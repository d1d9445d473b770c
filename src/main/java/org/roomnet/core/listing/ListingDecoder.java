package org.roomnet.core.listing;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.roomnet.core.imaging.DecodedPhoto;
import org.roomnet.core.imaging.JpegIntegrity;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.imaging.PhotoLimits;
import org.roomnet.core.imaging.UnreadablePhotoException;

/**
 * The one place the listing export reads a photo's pixels (and checks a photo it copies unchanged),
 * through {@link PhotoDecoder}, so a faster decoder changes here alone. The checks of decision 7
 * (damaged, too large) are the decoder's own.
 * <p>
 * Reduced-size decoding: libjpeg-turbo (decision 9) reduces a colour JPEG in the DCT domain, which
 * averages, so the photo is decoded at no less than the target size and {@link PhotoScaler} does the
 * rest: a 24 MP photo is decoded at 1/2 for the MLS preset (2048 px) and at 1/4 for the web preset (1024
 * px). ImageIO (other files, grey or CMYK JPEGs, or no natives) keeps every n-th pixel, which aliases: for
 * it the photo is decoded at no less than {@link #IMAGEIO_MARGIN} times the target.
 */
final class ListingDecoder {

    /** Decoded size over target size, at least, when ImageIO reduces the photo. */
    static final int IMAGEIO_MARGIN = 2;

    private ListingDecoder() {}

    /** Width and height as the file declares them (not turned), for planning memory; empty when unknown. */
    static Optional<PhotoDecoder.DeclaredSize> declaredSize(Path file) {
        return PhotoDecoder.declaredSize(file);
    }

    /**
     * Decodes upright, large enough for a long side of {@code longSide} (0: full size), and says whether
     * the file is damaged. A grey or CMYK JPEG that libjpeg-turbo leaves to ImageIO is then reduced by
     * ImageIO at the same size: some aliasing on those rare files, see decision 11.
     */
    static DecodedPhoto decode(Path file, int longSide, Optional<PhotoDecoder.DeclaredSize> size)
            throws UnreadablePhotoException {
        int minShortSide = Integer.MAX_VALUE;
        if (longSide > 0 && size.isPresent()) {
            PhotoDecoder.DeclaredSize s = size.get();
            double scale = (double) longSide / Math.max(s.width(), s.height());
            minShortSide = (int) Math.ceil(margin(s) * scale * Math.min(s.width(), s.height()));
        }
        return PhotoDecoder.decodeChecked(file, minShortSide);
    }

    /** How much larger than the target a photo is decoded: ImageIO's reduction (every format but colour JPEGs) aliases. */
    static int margin(PhotoDecoder.DeclaredSize size) {
        return size.jpeg() && PhotoDecoder.reducesJpegByAveraging() ? 1 : IMAGEIO_MARGIN;
    }

    /**
     * For a JPEG copied without re-encoding: the same checks a decode makes (size limits, damage). Throws for
     * a file that is not a JPEG, too large or damaged.
     */
    static void checkCopy(Path file) throws UnreadablePhotoException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            JpegIntegrity.Header header =
                    JpegIntegrity.header(channel).orElseThrow(() -> new UnreadablePhotoException("not a JPEG"));
            PhotoLimits.check(header.width(), header.height(), header.progressive());
        } catch (IOException e) {
            throw new UnreadablePhotoException("cannot read file: " + e.getMessage(), e);
        }
        // A cut file shows at its end; corrupt data inside (a zeroed stretch, a cut with an end marker appended)
        // only to a decoder: the smallest decode (libjpeg-turbo at 1/8) still reads every code.
        DecodedPhoto probe = PhotoDecoder.decodeChecked(file, 1);
        if (probe.damaged()) {
            throw new UnreadablePhotoException("damaged, " + probe.damage());
        }
    }
}
