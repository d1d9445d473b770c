package org.roomnet.core.imaging;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.leptonica.global.leptonica;

/**
 * Loads libjpeg-turbo (linked into Leptonica, from the JavaCPP presets) once, on first use. A platform
 * without the natives, or {@code -Droomnet.fastJpeg=false}, leaves every photo to ImageIO.
 */
final class JpegNatives {

    static final String DISABLE_PROPERTY = "roomnet.fastJpeg";

    private static final String PROBLEM = load();

    private JpegNatives() {}

    static boolean available() {
        return PROBLEM == null;
    }

    /** Why the fast path is off; empty when it is on. */
    static String problem() {
        return PROBLEM == null ? "" : PROBLEM;
    }

    private static String load() {
        if ("false".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY))) {
            return "turned off with -D" + DISABLE_PROPERTY + "=false";
        }
        try {
            Loader.load(leptonica.class);
            // Leptonica would otherwise print a line to stderr for every file it declines.
            leptonica.setMsgSeverity(leptonica.L_SEVERITY_NONE);
            return null;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError, ...: no natives for this platform
            return "libjpeg-turbo natives not loaded (" + e + ")";
        }
    }
}
