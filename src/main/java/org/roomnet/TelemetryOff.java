package org.roomnet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.roomnet.cli.Interrupts;

/**
 * ONNX Runtime 1.29 starts its telemetry when its environment is created: it writes a device id
 * ({@code ~/.cache/Microsoft/DeveloperTools/.onnxruntime/deviceid}) and may send usage events.
 * {@code OrtEnvironment.setTelemetry(false)} comes too late for the file; only the process environment
 * variable {@code ORT_DISABLE_TELEMETRY} prevents it, and Java cannot set its own. So a command that
 * loads the model (and the app) runs in a child JVM with the variable set; this JVM only waits, passes
 * the exit code on, and passes Ctrl+C and termination on. Where no child can be started, it runs here,
 * with the telemetry events switched off ({@code setTelemetry(false)}) but the file written.
 */
final class TelemetryOff {

    static final String VARIABLE = "ORT_DISABLE_TELEMETRY";
    /** Set for the child: the process id of the JVM that started it. */
    private static final String PARENT = "ROOMNET_PARENT_PID";
    /** The commands that never load the model. */
    private static final Set<String> WITHOUT_MODEL = Set.of("undo", "help", "-h", "--help", "-V", "--version");

    private TelemetryOff() {}

    /** Whether these arguments load the model: the app, or a command other than undo and help. */
    static boolean loadsTheModel(String[] args) {
        return args.length == 0 || !WITHOUT_MODEL.contains(args[0]);
    }

    /**
     * Runs {@code mainClass} with {@code args} in a child JVM with telemetry off when needed; its exit code, or
     * empty when this JVM should run them itself (the variable is set already, or no child could be started).
     */
    static OptionalInt runInChild(Class<?> mainClass, String[] args) {
        if (System.getenv(VARIABLE) != null || !loadsTheModel(args)) {
            return OptionalInt.empty();
        }
        List<String> command = childCommand(mainClass, args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(VARIABLE, "1");
        builder.environment().put(PARENT, Long.toString(ProcessHandle.current().pid()));
        if (command.contains(mainClass.getName())) { // java, not an installed app's launcher
            // The class path from the environment: a long -cp on the command line crashed ONNX Runtime's start-up.
            builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        }
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(waitFor(child));
    }

    /**
     * {@code java} with this JVM's options and {@code mainClass}; in an installed app (jpackage, whose trimmed
     * runtime has no {@code java}) the app's own launcher, which brings its options. Empty: neither.
     */
    private static List<String> childCommand(Class<?> mainClass, String[] args) {
        Path java = Path.of(
                System.getProperty("java.home"),
                "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(java)) {
            command.add(java.toString());
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> !a.startsWith("-agentlib:jdwp"))
                    .forEach(command::add); // a debugger's port is this JVM's
            command.add(mainClass.getName());
        } else if (System.getProperty("jpackage.app-path") != null
                && ProcessHandle.current().info().command().isPresent()) {
            command.add(ProcessHandle.current().info().command().get());
        } else {
            return List.of();
        }
        command.addAll(List.of(args));
        return command;
    }

    private static int waitFor(Process child) {
        AtomicBoolean interrupted = new AtomicBoolean();
        Interrupts.onInterrupt(
                () -> { // Ctrl+C at a terminal reaches the child too: give it time to end on its own
                    interrupted.set(true);
                    Thread stop = new Thread(() -> {
                        try {
                            if (!child.waitFor(5, TimeUnit.SECONDS)) {
                                child.destroy();
                            }
                        } catch (InterruptedException e) {
                            child.destroy();
                        }
                    });
                    stop.setDaemon(true);
                    stop.start();
                });
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> { // killed (not -9): the child goes the same way
                            if (child.isAlive()) {
                                child.destroy();
                                try {
                                    child.waitFor(30, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        }));
        while (true) {
            try {
                int code = child.waitFor();
                if (interrupted.get() && code != Interrupts.EXIT_CODE) {
                    System.err.println(Interrupts.MESSAGE);
                }
                return interrupted.get() ? Interrupts.EXIT_CODE : code;
            } catch (InterruptedException e) {
                // keep waiting: the child decides when it is done
            }
        }
    }

    /** In the child: when the JVM that started it dies (kill -9, say), it stops too, at once. */
    static void stopWithParent() {
        String parentPid = System.getenv(PARENT);
        if (parentPid == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(parentPid))
                    .ifPresentOrElse(
                            parent -> parent.onExit()
                                    .thenRun(() -> Runtime.getRuntime().halt(137)),
                            () -> Runtime.getRuntime().halt(137)); // gone already
        } catch (NumberFormatException e) {
            // not set by this launcher
        }
    }
}
