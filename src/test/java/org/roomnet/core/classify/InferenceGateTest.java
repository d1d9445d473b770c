package org.roomnet.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The gate is JVM-wide and closes for good, so each case runs in a child JVM of its own. */
class InferenceGateTest {

    @Test
    void closingWaitsForTheBatchInFlightAndKeepsNewOnesOut() throws Exception {
        assertEquals(0, ChildJvmMain.run(ClosingWaits.class));
    }

    @Test
    void awaitingIdleWaitsForTheBatchInFlightAndLeavesTheGateOpen() throws Exception {
        assertEquals(0, ChildJvmMain.run(AwaitingIdle.class));
    }

    @Test
    void closingGivesUpAfterItsPatience() throws Exception {
        assertEquals(0, ChildJvmMain.run(ClosingGivesUp.class));
    }

    /** Runs {@code main} of a nested class in a fresh JVM; its exit code says whether its checks held. */
    static final class ChildJvmMain {
        static int run(Class<?> main) throws Exception {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            main.getName())
                    .inheritIO()
                    .start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            return p.exitValue();
        }
    }

    static final class ClosingWaits {
        public static void main(String[] args) throws Exception {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean firstEnded = new AtomicBoolean();
            AtomicBoolean secondRan = new AtomicBoolean();
            Thread first = new Thread(() -> enter(() -> {
                inside.countDown();
                release.await();
                firstEnded.set(true);
                return null;
            }));
            first.start();
            inside.await();
            Thread releaser = new Thread(() -> {
                sleep(300);
                release.countDown();
            });
            releaser.start();
            boolean closed = InferenceGate.closeAndAwait(Duration.ofSeconds(20));
            check(closed && firstEnded.get(), "close returned before the batch in flight ended");
            Thread second = new Thread(() -> InferenceGate.enter(() -> {
                secondRan.set(true);
                return null;
            }));
            second.setDaemon(true);
            second.start();
            second.join(500);
            check(!secondRan.get() && second.isAlive(), "a batch started after the gate was closed");
            System.exit(0);
        }
    }

    static final class AwaitingIdle {
        public static void main(String[] args) throws Exception {
            CountDownLatch inside = new CountDownLatch(1);
            AtomicBoolean firstEnded = new AtomicBoolean();
            Thread first = new Thread(() -> enter(() -> {
                inside.countDown();
                Thread.sleep(300);
                firstEnded.set(true);
                return null;
            }));
            first.start();
            inside.await();
            check(
                    InferenceGate.awaitIdle(Duration.ofSeconds(20)) && firstEnded.get(),
                    "returned before the batch ended");
            AtomicBoolean laterRan = new AtomicBoolean();
            enter(() -> {
                laterRan.set(true);
                return null;
            });
            check(laterRan.get(), "a later batch was kept out");
            System.exit(0);
        }
    }

    static final class ClosingGivesUp {
        public static void main(String[] args) throws Exception {
            CountDownLatch inside = new CountDownLatch(1);
            Thread stuck = new Thread(() -> enter(() -> {
                inside.countDown();
                new CountDownLatch(1).await();
                return null;
            }));
            stuck.setDaemon(true);
            stuck.start();
            inside.await();
            long start = System.nanoTime();
            boolean closed = InferenceGate.closeAndAwait(Duration.ofMillis(300));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            check(!closed && waitedMs >= 250, "closed=" + closed + " after " + waitedMs + " ms");
            System.exit(0);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println(what);
            System.exit(1);
        }
    }

    private static void enter(InferenceGate.NativeWork<Void, InterruptedException> work) {
        try {
            InferenceGate.enter(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
