package org.roomnet.core.imaging;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import org.roomnet.core.imaging.jpeg.JpegFile;

/**
 * What a JPEG's bytes say, before and independent of any decoder: the size its frame header
 * declares (for {@link PhotoLimits}) and whether its image data is all there. Decoders differ in
 * what they do with a cut file (ImageIO paints the missing part grey and only warns), so every
 * decode path asks this class instead, and reports the same damage for the same file.
 * <p>
 * Cost: the header is a few small reads at the start of the file. An intact file that ends with
 * the end-of-image marker is recognised from its last two bytes; one that does not (a camera trailer
 * after the image, or a cut) is scanned for markers; only a cut baseline file is walked code by code
 * to measure how much of it is missing. The reading itself is in {@link JpegFile} and its package.
 */
public final class JpegIntegrity {

    /** The frame header: declared size, and whether the file is progressive (its decode holds every coefficient). */
    public record Header(int width, int height, boolean progressive) {}

    private JpegIntegrity() {}

    /** The frame header, or empty when the file is not a JPEG or has no frame header. */
    public static Optional<Header> header(SeekableByteChannel file) throws IOException {
        return JpegFile.frameHeader(new ChannelImageInputStream(file))
                .map(f -> new Header(f.width(), f.height(), f.progressive()));
    }

    /**
     * Empty when the image data is complete (or the file is not a JPEG: other formats fail in their
     * decoder); else the damage in the user's words, e.g. {@code "truncated: 38 % of the image data missing"}.
     */
    public static Optional<String> damage(SeekableByteChannel file) throws IOException {
        return JpegFile.damage(new ChannelImageInputStream(file));
    }
}
