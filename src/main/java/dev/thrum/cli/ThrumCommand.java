package dev.thrum.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code thrum} command. Exit codes: 0 success, 1 failure, 2 usage error. */
@Command(name = "thrum",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Guided, safe programs for percussion massagers, with a usage log.",
        subcommands = {
                CommandLine.HelpCommand.class,
                RunCommand.class,
                ProfilesCommand.class,
                ProgramsCommand.class,
                ClientsCommand.class,
                LogCommand.class,
                ReportCommand.class,
                DevicesCommand.class,
                SimulateCommand.class,
                DaemonCommand.class,
                StopCommand.class,
                StatusCommand.class,
        })
public final class ThrumCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ThrumCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("thrum: " + ex.getMessage());
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
