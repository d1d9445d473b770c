package org.roomnet.cli;

import java.time.Duration;
import org.roomnet.core.classify.InferenceGate;
import sun.misc.Signal;

/**
 * Ctrl+C ends a command with the documented exit code 4 and a message, not the JVM's 130 (issue 18).
 * {@link System#exit} runs the shutdown hooks, so an export still removes what it wrote; an organize
 * run stops as if killed, and its journal lets undo put back what it moved. A batch inside ONNX Runtime
 * ends first ({@link InferenceGate}): exiting in the middle of one crashes the process.
 */
public final class Interrupts {

    public static final int EXIT_CODE = RoomNetCommand.EXIT_FILES;
    public static final String MESSAGE = "error: interrupted (Ctrl+C)";

    /** Longer than one batch takes on a slow, loaded machine. */
    private static final Duration BATCH_PATIENCE = Duration.ofSeconds(30);

    private static volatile String state = "";

    private Interrupts() {}

    /**
     * Runs {@code action} on Ctrl+C instead of the JVM's handling; false where the signal cannot be
     * handled (a process started with it ignored, or a JVM run with {@code -Xrs}).
     */
    public static boolean onInterrupt(Runnable action) {
        try {
            Signal.handle(new Signal("INT"), signal -> action.run());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return false;
        }
    }

    /** What Ctrl+C prints and the exit code it gives: the message, and what state the files are in. */
    static String message() {
        String now = state;
        return now.isEmpty() ? MESSAGE : MESSAGE + "; " + now;
    }

    /** Says, for the message on Ctrl+C from now on, what state the files are in. */
    static void state(String text) {
        state = text;
    }

    /** For the command line: Ctrl+C prints {@link #message()} and exits with 4. */
    static void exitOnInterrupt() {
        onInterrupt(() -> {
            System.err.println(message());
            InferenceGate.closeAndAwait(BATCH_PATIENCE);
            System.exit(EXIT_CODE);
        });
    }
}
