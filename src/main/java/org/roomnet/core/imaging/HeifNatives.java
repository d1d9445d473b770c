package org.roomnet.core.imaging;

import com.sun.jna.Native;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads the system's libheif once, on first use. Not bundled: it comes with the operating system's
 * package manager (decision 0018), so where it is missing a HEIC photo gets a message saying what to install.
 */
final class HeifNatives {

    private static final String DISABLE_PROPERTY = "roomnet.heif";
    private static final Loaded LOADED = load(names());

    private HeifNatives() {}

    record Loaded(LibHeif library, String problem) {}

    /** libheif, or null when it could not be loaded ({@link #problem()} says why). */
    static LibHeif library() {
        return LOADED.library();
    }

    static String problem() {
        return LOADED.problem() == null ? "" : LOADED.problem();
    }

    /** The first of {@code names} that loads; else the message for the user, naming what to install. */
    static Loaded load(List<String> names) {
        if ("false".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY))) {
            return new Loaded(null, "HEIC/HEIF support turned off with -D" + DISABLE_PROPERTY + "=false");
        }
        Throwable last = null;
        for (String name : names) {
            try {
                LibHeif library = Native.load(name, LibHeif.class);
                library.heif_get_version();
                return new Loaded(library, null);
            } catch (
                    Throwable
                            e) { // UnsatisfiedLinkError, NoClassDefFoundError: not installed, or not for this platform
                last = e;
            }
        }
        return new Loaded(
                null,
                "HEIC/HEIF photos need libheif, which is not installed: " + installHint()
                        + (last == null ? "" : " (" + last.getClass().getSimpleName() + ")"));
    }

    static String installHint() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "install it with Homebrew: brew install libheif";
        }
        if (os.contains("win")) {
            return "install it with vcpkg (vcpkg install libheif) and put heif.dll on the PATH";
        }
        return "install it with the package manager (Debian/Ubuntu: sudo apt install libheif1; Fedora: sudo dnf install "
                + "libheif)";
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(List.of("heif", "libheif"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) { // Homebrew is not on the default library path
            names.add("/opt/homebrew/lib/libheif.dylib");
            names.add("/usr/local/lib/libheif.dylib");
        } else if (!os.contains("win")) {
            names.add("libheif.so.1"); // without the -dev package there is no unversioned libheif.so
        }
        return names;
    }
}
