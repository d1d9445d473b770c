package org.roomnet.core.listing;

import org.roomnet.core.imaging.DecodedPhoto;
import org.roomnet.core.imaging.JpegIntegrity;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.imaging.PhotoLimits;
import org.roomnet.core.imaging.UnreadablePhotoException;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place the listing export reads a photo's pixels (and checks a photo it copies unchanged),
 * through {@link PhotoDecoder}, so a faster decoder changes here alone. The checks of decision 7
 * (damaged, too large) are the decoder's own.
 * <p>
 * Reduced-size decoding: ImageIO's reduction keeps every n-th pixel, which aliases; so the photo is
 * decoded at no less than {@link #MARGIN} times the target size and the rest of the way is done by the
 * area-averaging {@link PhotoScaler}. A 24 MP photo is thus read at full size for the MLS preset (2048
 * px) and at half size for the web preset (1024 px).
 */
final class ListingDecoder {

    /** Decoded size over target size, at least. A decoder that scales in the DCT domain could use 1. */
    static final int MARGIN = 2;

    private ListingDecoder() {
    }

    /** Width and height as the file declares them (not turned), for planning memory; empty when unknown. */
    record Size(int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    static Optional<Size> declaredSize(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            return JpegIntegrity.header(channel).map(h -> new Size(h.width(), h.height()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Decodes upright, large enough for a long side of {@code longSide} (0: full size), and says whether
     * the file is damaged.
     */
    static DecodedPhoto decode(Path file, int longSide, Optional<Size> size) throws UnreadablePhotoException {
        int minShortSide = Integer.MAX_VALUE;
        if (longSide > 0 && size.isPresent()) {
            Size s = size.get();
            double scale = (double) longSide / Math.max(s.width(), s.height());
            minShortSide = (int) Math.ceil(MARGIN * scale * Math.min(s.width(), s.height()));
        }
        return PhotoDecoder.decodeChecked(file, minShortSide);
    }

    /**
     * For a JPEG copied without decoding: the same checks a decode makes (size limits, damage), from the
     * file's bytes. Throws for a file that is not a JPEG, too large or damaged.
     */
    static void checkCopy(Path file) throws UnreadablePhotoException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            JpegIntegrity.Header header = JpegIntegrity.header(channel)
                    .orElseThrow(() -> new UnreadablePhotoException("not a JPEG"));
            PhotoLimits.check(header.width(), header.height(), header.progressive());
            Optional<String> damage = JpegIntegrity.damage(channel);
            if (damage.isPresent()) {
                throw new UnreadablePhotoException("damaged, " + damage.get());
            }
        } catch (IOException e) {
            throw new UnreadablePhotoException("cannot read file: " + e.getMessage(), e);
        }
    }
}
