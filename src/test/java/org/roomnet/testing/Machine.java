package org.roomnet.testing;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Facts about the machine the tests run on (CI runs as root, in a container), and a second JVM. */
public final class Machine {

    private Machine() {}

    /** Root ignores file permissions: a mode-000 file is readable, a read-only folder writable. */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A writable folder on another file system than {@code here}, if the machine has one (tmpfs /dev/shm, say). */
    public static Optional<Path> otherFileSystem(Path here) throws IOException {
        FileStore store = Files.getFileStore(here);
        for (String candidate : List.of("/dev/shm", "/run/user", "/var/tmp", "/tmp")) {
            Path dir = Path.of(candidate);
            if (Files.isDirectory(dir)
                    && Files.isWritable(dir)
                    && !Files.getFileStore(dir).equals(store)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Copies {@code file} into its folder under a name given as {@code printf} octal escapes
     * ({@code "caf\\351.jpg"}: Latin-1, not valid UTF-8), which Java itself cannot create; returns
     * the new file as a directory listing names it.
     */
    public static Path copyToLatin1Name(Path file, String printfName) throws IOException, InterruptedException {
        Path dir = file.getParent();
        Set<Path> before;
        try (Stream<Path> list = Files.list(dir)) {
            before = list.collect(Collectors.toSet());
        }
        Process cp = new ProcessBuilder(
                        "sh", "-c", "cp \"$0\" \"$1/$(printf \"$2\")\"", file.toString(), dir.toString(), printfName)
                .inheritIO()
                .start();
        if (cp.waitFor() != 0) {
            throw new IOException("cp failed");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> !before.contains(p)).findFirst().orElseThrow();
        }
    }

    /**
     * Makes, under {@code dir}, a folder whose path is longer than the system allows (4096 bytes on
     * Linux): unreadable for every user, root included. GNU {@code mkdir -p} builds it a step at a
     * time; false where that does not work. Remove it with {@link #removeTree}.
     */
    public static boolean makePathBeyondTheLimit(Path dir) throws IOException, InterruptedException {
        String tooLong = String.join("/", java.util.Collections.nCopies(18, "d".repeat(250)));
        Process mkdir = new ProcessBuilder("mkdir", "-p", tooLong)
                .directory(dir.toFile())
                .inheritIO()
                .start();
        return mkdir.waitFor() == 0;
    }

    /** {@code rm -rf}: also for trees Java cannot walk (see {@link #makePathBeyondTheLimit}). */
    public static void removeTree(Path dir) throws IOException, InterruptedException {
        new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
    }

    /** The result of {@link #java}. */
    public record Run(int exitCode, String output) {}

    /** Runs {@code main} of this class path in a new JVM (the OS sees a second process). */
    /** Starts {@code main} of this class path in a new JVM and returns at once (to kill it, say); its output is discarded. */
    public static Process startJava(List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        return builder.start();
    }

    public static Run java(List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Not "-cp": with a 5 KB class path on its command line, ONNX Runtime 1.29's start-up crashed the JVM
        // (SIGSEGV) on the project's machine; the same class path from the environment does not.
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the second JVM did not finish: " + command);
        }
        return new Run(process.exitValue(), new String(output));
    }
}
