package org.roomnet.core.imaging.jpeg;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.stream.ImageInputStream;

/**
 * What a JPEG's bytes say about it (read from the start of the stream): its frame header, and whether its
 * image data is all there. The one public class of this package, for {@code core.imaging.JpegIntegrity}.
 */
public final class JpegFile {

    /** The declared size, and whether the file is progressive. */
    public record FrameHeader(int width, int height, boolean progressive) {}

    private JpegFile() {}

    /** The frame header, or empty when the stream is not a JPEG or has no frame header. */
    public static Optional<FrameHeader> frameHeader(ImageInputStream in) throws IOException {
        SegmentWalk walk = new SegmentWalk(new JpegBytes(in));
        walk.run(true);
        return Optional.ofNullable(walk.frame()).map(f -> new FrameHeader(f.width(), f.height(), f.progressive()));
    }

    /**
     * Empty when the image data is complete (or the stream is not a JPEG); else the damage in the user's
     * words, e.g. {@code "truncated: 38 % of the image data missing"}.
     */
    public static Optional<String> damage(ImageInputStream in) throws IOException {
        JpegBytes bytes = new JpegBytes(in);
        if (!bytes.startsWithSoi() || bytes.endsWithEoi()) {
            return Optional.empty();
        }
        SegmentWalk scan = new SegmentWalk(bytes.rewind());
        if (scan.run(false) || scan.frame() == null) {
            return Optional.empty(); // complete (data after the image), or nothing a decoder could show anyway
        }
        if (!scan.frame().baselineHuffman()) {
            return Optional.of("truncated: the image data stops early ("
                    + (scan.frame().progressive()
                            ? "progressive JPEG: parts of the photo are missing or blurred)"
                            : "parts of the photo are missing)"));
        }
        BlockCounter count = new BlockCounter(bytes);
        new SegmentWalk(bytes.rewind(), count).run(false);
        if (count.expectedBlocks() <= 0) {
            return Optional.of("truncated: the image data stops early");
        }
        double missing = 1.0 - (double) count.decodedBlocks() / count.expectedBlocks();
        if (missing <= 0) {
            return Optional.empty(); // only the end marker is missing: every pixel is there
        }
        long percent = Math.round(missing * 100);
        return Optional.of(
                percent < 1
                        ? "truncated: less than 1 % of the image data missing"
                        : String.format(Locale.ROOT, "truncated: %d %% of the image data missing", percent));
    }
}
