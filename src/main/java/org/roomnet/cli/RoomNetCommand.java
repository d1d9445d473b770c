package org.roomnet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code roomnet <command>}: the command line over the same core as the desktop app. */
@Command(name = "roomnet", mixinStandardHelpOptions = true, version = "RoomNet Organizer 0.1.0",
        description = "Sorts the photos of a property shoot by room type (runs locally).",
        subcommands = {ClassifyCommand.class, UndoCommand.class, ExportListingCommand.class, BenchmarkCommand.class,
                FirstThumbnailsCommand.class, ListingBenchmarkCommand.class,
                MemoryBenchmarkCommand.class, LearnCommand.class, MemoryCommand.class})
public final class RoomNetCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_MODEL = 3;
    public static final int EXIT_FILES = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: classify, undo, export-listing, benchmark or benchmark-listing");
    }

    public static int execute(String... args) {
        return new CommandLine(new RoomNetCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(RoomNetCommand::unexpected).execute(args);
    }

    /** The last line of defence: whatever a command did not expect is one line and a file problem, never a stack trace. */
    private static int unexpected(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        command.getErr().println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
        return EXIT_FILES;
    }
}
