package org.roomnet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a roomnet command in a new JVM with this JVM's options (heap, -D flags) and class path. */
final class ChildJvm {

    private ChildJvm() {}

    /**
     * @param extraJvmOptions added after this JVM's own options, so they win
     * @param log where its stderr goes; null: to this process's stderr, like its stdout
     */
    static void run(List<String> extraJvmOptions, List<String> arguments, Path log)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(extraJvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.roomnet.Launcher"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (log == null) {
            builder.inheritIO();
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile());
        }
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IOException(arguments.get(0) + " exited with " + exit + (log == null ? "" : "; see " + log));
        }
    }
}
