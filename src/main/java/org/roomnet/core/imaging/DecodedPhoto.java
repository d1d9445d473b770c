package org.roomnet.core.imaging;

import java.awt.image.BufferedImage;

/**
 * What a decode path returns for a file it could decode: the picture, upright, and {@code damage}:
 * null for an intact file, else why the picture is not the whole photo (e.g. "truncated: 38 % of the
 * image data missing", from {@link JpegIntegrity}). A decoded but damaged photo is still classified,
 * but reported as damaged and only organised when the user asks. A file that cannot be decoded at
 * all is an {@link UnreadablePhotoException} instead. {@code warning}: null, or what the picture may get
 * wrong although the file is whole ("colour profile unreadable, assumed sRGB"): the photo is handled as
 * usual, the warning shown beside it.
 */
public record DecodedPhoto(BufferedImage image, String damage, String warning) {

    public DecodedPhoto(BufferedImage image, String damage) {
        this(image, damage, null);
    }

    public boolean damaged() {
        return damage != null;
    }
}
