package dev.thrum.cli;

import dev.thrum.usage.SessionRecord;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A command that reads the usage log ({@code thrum log ...}, {@code thrum report}): its command
 * line, the options that say which log and which sessions ({@link LogOptions}), and the shape the
 * review commands share, so each subcommand holds only what it shows.
 */
abstract class LogReadingCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin LogOptions opts;

    @Override
    public final Integer call() throws IOException {
        return run(spec.commandLine());
    }

    /** The command's work; returns the exit code. */
    abstract int run(CommandLine cmd) throws IOException;

    /**
     * Reads the matching sessions into {@code sink}, then writes the report; with no log yet, says
     * so instead. Exit code 0 either way.
     */
    int review(CommandLine cmd, Consumer<SessionRecord> sink, Consumer<PrintWriter> report) {
        PrintWriter out = cmd.getOut();
        if (!opts.read(cmd, sink)) out.println(opts.noLogMessage());
        else report.accept(out);
        out.flush();
        return 0;
    }
}
