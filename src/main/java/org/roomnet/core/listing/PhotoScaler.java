package org.roomnet.core.listing;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import net.coobird.thumbnailator.resizers.DefaultResizerFactory;
import net.coobird.thumbnailator.resizers.Resizer;

/**
 * Brings a decoded photo to what a portal shows: sRGB, 8 bits per channel, no alpha, and (when asked)
 * a long side of at most {@code longSide}, scaled down with Thumbnailator's resizers (progressive
 * bilinear halving for large reductions: each step averages 2 × 2 pixels, so fine detail does not
 * alias as it does with one bilinear step).
 */
final class PhotoScaler {

    private PhotoScaler() {}

    /** The photo in sRGB as TYPE_INT_RGB, scaled to {@code longSide} (0: not scaled; never enlarged). */
    static BufferedImage forListing(BufferedImage image, int longSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (longSide <= 0 || Math.max(w, h) <= longSide) {
            return toSrgb(image);
        }
        // an sRGB photo is scaled straight from the decoder's layout: no full-size copy first
        BufferedImage source = image.getColorModel().getColorSpace().isCS_sRGB() ? image : toSrgb(image);
        double scale = (double) longSide / Math.max(w, h);
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Resizer resizer = DefaultResizerFactory.getInstance().getResizer(new Dimension(w, h), new Dimension(tw, th));
        resizer.resize(source, out);
        return out;
    }

    static BufferedImage toSrgb(BufferedImage image) {
        boolean srgb = image.getColorModel().getColorSpace().isCS_sRGB();
        if (srgb && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        if (srgb) {
            Graphics2D g = out.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        } else {
            new ColorConvertOp(image.getColorModel().getColorSpace(), ColorSpace.getInstance(ColorSpace.CS_sRGB), null)
                    .filter(image, out);
        }
        return out;
    }
}
