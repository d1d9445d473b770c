package org.roomnet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * HEIC test photos, made with {@code heif-enc} (Debian/Ubuntu: libheif-examples, installed by .ci/run; macOS:
 * brew install libheif). A test that needs one is skipped, saying so, where the tool is not installed.
 */
public final class HeifFixtures {

    private HeifFixtures() {}

    /** Encodes a PNG or JPEG as HEIC at the given quality (0-100). */
    public static Path encode(Path source, Path heic, int quality) throws IOException, InterruptedException {
        Assumptions.assumeTrue(
                available(),
                "heif-enc not found: install libheif-examples (apt) or libheif (brew) " + "to run the HEIC tests");
        Process p = new ProcessBuilder(
                        "heif-enc", "-q", Integer.toString(quality), "-o", heic.toString(), source.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(heic)) {
            throw new IOException("heif-enc failed: " + out);
        }
        return heic;
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("heif-enc", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
