package org.roomnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.TestPhotos;

/**
 * Issue 18, minor points, through {@code java org.roomnet.Launcher} in a new JVM as a user starts it:
 * Ctrl+C ends a command with exit code 4 and a message (not 130), and ONNX Runtime writes no device id
 * (its telemetry is off).
 */
class InterruptAndTelemetryTest {

    @TempDir
    Path tmp;

    private record Started(Process process, StringBuilder stderr, CountDownLatch classifying) {}

    private Started start(boolean variableSet, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Djava.awt.headless=true",
                "-Droomnet.home=" + tmp.resolve("roomnet"),
                "org.roomnet.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.put("CLASSPATH", System.getProperty("java.class.path"));
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.remove("XDG_CACHE_HOME");
        env.remove("ORT_DISABLE_TELEMETRY");
        if (variableSet) {
            env.put("ORT_DISABLE_TELEMETRY", "1");
        }
        Process process = builder.start();
        StringBuilder stderr = new StringBuilder();
        CountDownLatch classifying = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                    if (line.startsWith("execution provider:")) {
                        classifying.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return new Started(process, stderr, classifying);
    }

    private static int finish(Started run) throws InterruptedException {
        assertTrue(run.process().waitFor(120, TimeUnit.SECONDS), "the command did not end");
        Thread.sleep(200); // the last lines of stderr
        return run.process().exitValue();
    }

    /** A shoot of {@code n} names for one pool photo: slow enough to interrupt, cheap to make. */
    private Path bigShoot(int n) throws IOException {
        Path shoot = Files.createDirectories(tmp.resolve("shoot"));
        Path photo = TestPhotos.copyFromPool("houses", "Kitchen", 1, shoot).get(0);
        for (int i = 0; i < n; i++) {
            Files.createLink(shoot.resolve(String.format("link-%04d.jpg", i)), photo);
        }
        return shoot;
    }

    private static void assumeCtrlCReachesChildren() throws IOException {
        String ignored = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("SigIgn:"))
                .findFirst()
                .orElse("SigIgn:\t0")
                .substring(7)
                .trim();
        assumeFalse(
                (Long.parseLong(ignored, 16) & 2) != 0, "this test runs with SIGINT ignored, which children inherit");
    }

    private void ctrlCDuringClassifyExitsWithFour(boolean variableSet) throws Exception {
        assumeCtrlCReachesChildren();
        Path shoot = bigShoot(1500);
        Started run = start(
                variableSet,
                "classify",
                shoot.toString(),
                "--model",
                TestPhotos.model().toString(),
                "--provider",
                "cpu",
                "--csv",
                tmp.resolve("rooms.csv").toString());
        assertTrue(run.classifying().await(60, TimeUnit.SECONDS), "never started classifying:\n" + run.stderr());
        Thread.sleep(300);
        assertEquals(
                0,
                new ProcessBuilder("kill", "-INT", Long.toString(run.process().pid()))
                        .start()
                        .waitFor());
        int code = finish(run);
        String err;
        synchronized (run.stderr()) {
            err = run.stderr().toString();
        }
        assertEquals(RoomNetCommand.EXIT_FILES, code, err);
        assertTrue(err.contains("error: interrupted (Ctrl+C)"), err);
        assertTrue(!err.contains("Exception") && !err.contains("\tat "), err);
    }

    @Test
    void ctrlCDuringClassifyExitsWithFourAndSaysSo() throws Exception {
        ctrlCDuringClassifyExitsWithFour(true); // the command runs in the JVM that gets Ctrl+C
    }

    @Test
    void ctrlCReachesTheCommandThroughTheTelemetryFreeChildJvm() throws Exception {
        ctrlCDuringClassifyExitsWithFour(false); // the JVM started first only waits for the one that classifies
    }

    @Test
    void onnxRuntimeWritesNoDeviceIdUnderHome() throws Exception {
        Path shoot = Files.createDirectories(tmp.resolve("small"));
        TestPhotos.copyFromPool("houses", "Kitchen", 1, shoot);
        Started run = start(
                false,
                "classify",
                shoot.toString(),
                "--model",
                TestPhotos.model().toString(),
                "--provider",
                "cpu",
                "--csv",
                tmp.resolve("rooms.csv").toString());
        assertEquals(0, finish(run), run.stderr().toString());
        assertTrue(run.stderr().toString().contains("1 files in"), run.stderr().toString());
        try (Stream<Path> written = Files.walk(tmp.resolve("home"))) {
            List<Path> files = written.filter(Files::isRegularFile).toList();
            assertEquals(
                    List.of(),
                    files,
                    "nothing written under HOME (ONNX Runtime's telemetry writes .cache/Microsoft/"
                            + "DeveloperTools/.onnxruntime/deviceid)");
        }
    }

    @Test
    void killingTheJvmTheUserStartedStopsTheOneThatWorks() throws Exception {
        Path shoot = bigShoot(1500);
        Started run = start(
                false,
                "classify",
                shoot.toString(),
                "--model",
                TestPhotos.model().toString(),
                "--provider",
                "cpu",
                "--csv",
                tmp.resolve("rooms.csv").toString());
        assertTrue(run.classifying().await(60, TimeUnit.SECONDS), "never started classifying:\n" + run.stderr());
        List<ProcessHandle> working = run.process().descendants().toList();
        assertEquals(1, working.size(), "one JVM does the work");
        run.process().destroyForcibly(); // kill -9, as the audit did
        assertTrue(
                working.get(0)
                        .onExit()
                        .orTimeout(30, TimeUnit.SECONDS)
                        .handle((p, e) -> e == null)
                        .get(),
                "the working JVM went on after the one the user started was killed");
    }
}
