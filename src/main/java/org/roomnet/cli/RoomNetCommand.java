package org.roomnet.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code roomnet <command>}: the command line over the same core as the desktop app. */
@Command(
        name = "roomnet",
        mixinStandardHelpOptions = true,
        version = "RoomNet Organizer 0.1.0",
        description = "Sorts the photos of a property shoot by room type (runs locally).",
        subcommands = {
            ClassifyCommand.class,
            UndoCommand.class,
            ExportListingCommand.class,
            LearnCommand.class,
            MemoryCommand.class,
            CommandLine.HelpCommand.class
        })
public final class RoomNetCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_MODEL = 3;
    public static final int EXIT_FILES = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        String names = spec.subcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(e -> e.getKey())
                .collect(Collectors.joining(", "));
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: " + names);
    }

    /** From now on Ctrl+C ends this JVM with exit code 4 and a message ({@link Interrupts}), not 130. */
    public static void exitOnInterrupt() {
        Interrupts.state("");
        Interrupts.exitOnInterrupt();
    }

    public static int execute(String... args) {
        return commandLine(List.of()).execute(args);
    }

    /**
     * The command line: the product's commands, plus {@code extraCommands} (picocli command classes or
     * objects; the launcher adds the hidden measuring commands here).
     */
    public static CommandLine commandLine(List<Object> extraCommands) {
        CommandLine cli = new CommandLine(new RoomNetCommand());
        extraCommands.forEach(cli::addSubcommand);
        // set last: these settings reach only the subcommands present when they are set
        return cli.setCaseInsensitiveEnumValuesAllowed(true).setExecutionExceptionHandler(RoomNetCommand::unexpected);
    }

    /** The last line of defence: whatever a command did not expect is one line and a file problem, never a stack trace. */
    private static int unexpected(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        command.getErr().println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        return EXIT_FILES;
    }
}
