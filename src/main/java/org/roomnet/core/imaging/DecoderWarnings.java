package org.roomnet.core.imaging;

import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Listens to an ImageIO JPEG reader's warnings and keeps the first that says the image data is corrupt.
 * libjpeg decodes such data without failing (the rest of the picture grey or garbled) and only warns:
 * "Corrupt JPEG data: premature end of data segment" for a cut file with an end marker appended, "…
 * 1794907 extraneous bytes before marker 0xd9" for a stretch of zeroes in the scan, "… bad Huffman code".
 * Warnings about metadata (an unknown JFIF version, a bad ICC marker) leave the pixels intact and are not kept.
 */
final class DecoderWarnings implements IIOReadWarningListener {

    private volatile String corruption;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        if (corruption == null && warning != null && isCorruptData(warning)) {
            corruption = warning.strip();
        }
    }

    /** "corrupt JPEG data: …", the decoder's words; empty when it had no complaint about the image data. */
    Optional<String> corruption() {
        if (corruption == null) {
            return Optional.empty();
        }
        String detail = corruption.replaceFirst("(?i)^corrupt JPEG data:\\s*", "");
        return Optional.of("corrupt JPEG data: " + detail.lines().findFirst().orElse(detail));
    }

    static boolean isCorruptData(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        if (w.contains("icc")) {
            return false; // JWRN_BOGUS_ICC: the colour profile, not the pixels
        }
        return w.startsWith("corrupt jpeg data")
                || w.startsWith("premature end of jpeg file")
                || w.startsWith("inconsistent progression sequence")
                || w.startsWith("invalid sos parameters");
    }
}
