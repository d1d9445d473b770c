package org.roomnet.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.roomnet.testing.TestPhotos;

/**
 * The JVM exits while another thread is inside ONNX Runtime, as on Ctrl+C: with the gate closed first the
 * process ends with its own exit code, never ONNX Runtime's crash (SIGSEGV, 134). Without the gate, 8 of 12
 * such exits crashed here (40 to 300 ms into the classifying).
 */
class ExitDuringInferenceTest {

    static final int EXIT_CODE = 4;

    @Test
    void exitingDuringABatchEndsWithTheExitCodeAsked() throws Exception {
        for (int delayMs : new int[] {40, 120, 200}) {
            assertEquals(EXIT_CODE, child(delayMs), "exit " + delayMs + " ms into the classifying");
        }
    }

    private static int child(int delayMs) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        ExitWhileClassifying.class.getName(),
                        TestPhotos.model().toString(),
                        Integer.toString(delayMs))
                .inheritIO();
        // as the product runs it (TelemetryOff): telemetry off, the class path from the environment
        builder.environment().put("ORT_DISABLE_TELEMETRY", "1");
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process p = builder.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not end");
        return p.exitValue();
    }

    /** Classifies on a second thread without end, and exits from the first while a batch runs. */
    static final class ExitWhileClassifying {
        public static void main(String[] args) throws Exception {
            RoomClassifier classifier = RoomClassifier.open(Path.of(args[0]), ProviderPreference.CPU);
            int size = classifier.description().inputSize();
            List<float[]> batch = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                batch.add(new float[3 * size * size]);
            }
            CountDownLatch started = new CountDownLatch(1);
            Thread worker = new Thread(() -> {
                try {
                    while (true) {
                        started.countDown();
                        classifier.classify(batch);
                    }
                } catch (Exception e) {
                    System.exit(2);
                }
            });
            worker.setDaemon(true);
            worker.start();
            started.await();
            Thread.sleep(Long.parseLong(args[1])); // inside session.run now
            InferenceGate.closeAndAwait(Duration.ofSeconds(30));
            System.exit(EXIT_CODE);
        }
    }
}
