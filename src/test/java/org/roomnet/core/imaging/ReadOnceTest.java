package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.TestPhotos;

/**
 * Issue 17: a photo's bytes are read once for the checks, the orientation and the decoder. A named pipe can be
 * opened and read once only: a second open would wait for a writer that never comes (the timeout fails the
 * test). The code before issue 17 opened the file three times (and took the pipe for an empty file).
 */
class ReadOnceTest {

    @TempDir
    Path dir;

    @Test
    void aPhotoThatCanBeReadOnlyOnceIsDecodedCheckedAndTurned() throws Exception {
        byte[] jpeg = Files.readAllBytes(
                TestPhotos.writeJpegWithOrientation(TestPhotos.pattern(300, 200, 5), 6, dir.resolve("p.jpg")));
        Path pipe = dir.resolve("pipe.jpg");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (java.io.IOException e) {
            mkfifo = null;
        }
        assumeTrue(
                mkfifo != null && mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0,
                "mkfifo not available (not a POSIX system)");
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write(jpeg);
            } catch (java.io.IOException e) {
                // the test fails on its own when the reader gets nothing
            }
        });
        writer.setDaemon(true);
        writer.start();
        DecodedPhoto decoded = assertTimeoutPreemptively(
                Duration.ofSeconds(20), () -> PhotoDecoder.decodeChecked(pipe, Integer.MAX_VALUE));
        assertFalse(decoded.damaged());
        assertEquals(200, decoded.image().getWidth(), "orientation 6 read from the same bytes: turned upright");
        assertEquals(300, decoded.image().getHeight());
    }
}
