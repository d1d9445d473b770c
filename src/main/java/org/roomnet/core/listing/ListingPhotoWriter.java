package org.roomnet.core.listing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.roomnet.core.imaging.DecodedPhoto;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.imaging.UnreadablePhotoException;

/**
 * Writes one photo of an export: decoded (reduced where the preset allows), upright, sRGB, scaled,
 * JPEG-encoded at the preset's quality with the chosen metadata; or, for the original-size preset and
 * a JPEG, copied with its image data untouched. The file appears under its name only when complete
 * (a temporary name, then a rename).
 */
final class ListingPhotoWriter {

    private final ListingPreset preset;
    private final boolean keepMetadata;

    ListingPhotoWriter(ListingPreset preset, boolean keepMetadata) {
        this.preset = preset;
        this.keepMetadata = keepMetadata;
    }

    /**
     * @throws UnreadablePhotoException the photo cannot be exported (unreadable, damaged, too large): skip it
     * @throws IOException              the export folder cannot be written: stop
     */
    void write(Path source, Path target) throws UnreadablePhotoException, IOException {
        Optional<PhotoDecoder.DeclaredSize> size = ListingDecoder.declaredSize(source);
        byte[] bytes;
        if (copiesUnchanged(size)) {
            ListingDecoder.checkCopy(source);
            bytes = ListingMetadata.forCopy(readOriginal(source), keepMetadata);
        } else {
            DecodedPhoto decoded = ListingDecoder.decode(source, preset.longSide(), size);
            if (decoded.damaged()) {
                throw new UnreadablePhotoException("damaged, " + decoded.damage());
            }
            BufferedImage image = PhotoScaler.forListing(decoded.image(), preset.longSide());
            bytes = ListingMetadata.forReencoded(encode(image, preset.quality()), readOriginal(source), keepMetadata);
        }
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A JPEG in the original preset: copied with its image data untouched, only checked (a reduced decode). */
    private boolean copiesUnchanged(Optional<PhotoDecoder.DeclaredSize> size) {
        return !preset.resizes() && size.map(PhotoDecoder.DeclaredSize::jpeg).orElse(false);
    }

    /** Bytes of memory writing {@code source} may take at most, for the export's memory budget. */
    long memoryEstimate(Path source) {
        long fileBytes = fileSize(source);
        Optional<PhotoDecoder.DeclaredSize> size = ListingDecoder.declaredSize(source);
        if (copiesUnchanged(size)) {
            // the original, its filtered copy, the metadata parser's view; the check's 1/8 decode
            return 3 * fileBytes + size.get().pixels() * 3 / 64 + (1 << 20);
        }
        // unknown size (a header ImageIO cannot read; the decode will fail): assume a 24 MP photo
        long pixels = size.map(PhotoDecoder.DeclaredSize::pixels).orElse(24_000_000L);
        if (preset.resizes()) {
            double scale = Math.min(
                    1.0,
                    size.map(ListingDecoder::margin).orElse(ListingDecoder.IMAGEIO_MARGIN)
                            * (double) preset.longSide()
                            / size.map(s -> Math.max(s.width(), s.height())).orElse(6000));
            // a power of two: libjpeg-turbo's DCT scales are; ImageIO's other steps only make it smaller
            int step = Integer.highestOneBit(Math.max(1, (int) Math.floor(1 / scale)));
            pixels = pixels / ((long) step * step);
        }
        // decoded (3 bytes a pixel), turned upright or converted (4), the first halving (1), output and files
        long outPixels = preset.resizes() ? (long) preset.longSide() * preset.longSide() : pixels;
        return pixels * 8 + outPixels * 4 + 3 * fileBytes + (2 << 20);
    }

    private static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static byte[] readOriginal(Path source) throws UnreadablePhotoException {
        try {
            return Files.readAllBytes(source);
        } catch (IOException e) {
            throw new UnreadablePhotoException("cannot read file: " + e.getMessage(), e);
        }
    }

    static byte[] encode(BufferedImage image, int quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 3);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
