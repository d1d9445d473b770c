package org.roomnet.core.classify;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Receives a small upright picture of each readable photo, made from the decode classification needs anyway. */
@FunctionalInterface
public interface ThumbnailListener {
    void onThumbnail(Path file, BufferedImage thumbnail);
}
