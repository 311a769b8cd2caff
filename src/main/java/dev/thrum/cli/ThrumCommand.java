package dev.thrum.cli;

import dev.thrum.json.JsonErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** The root {@code thrum} command. Exit codes: 0 success, 1 failure, 2 usage error. */
@Command(name = "thrum",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Guided, safe programs for percussion massagers, with a usage log.")
public final class ThrumCommand implements Runnable {

    /** Every subcommand, in the order {@code thrum --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            RunCommand.class,
            ProfilesCommand.class,
            ProgramsCommand.class,
            ClientsCommand.class,
            PlanCommand.class,
            TodayCommand.class,
            LogCommand.class,
            ReportCommand.class,
            SyncCommand.class,
            DevicesCommand.class,
            SimulateCommand.class,
            ConformanceCommand.class,
            DaemonCommand.class,
            StopCommand.class,
            OpenCommand.class,
            StatusCommand.class,
            CompletionCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The whole command tree: every subcommand registered. */
    public static CommandLine commandLine() {
        return build(SUBCOMMANDS);
    }

    /**
     * The command tree for one invocation. When the first argument names a subcommand, only that one
     * is built: picocli reflects over every registered command up front, and building all twelve
     * costs a new JVM about 100-200 ms, most of the daemon's start-up budget. Anything else (help,
     * version, a mistyped name) gets the whole tree, so usage and suggestions stay complete.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0]))
                    return build(List.of(c));
            }
        }
        return commandLine();
    }

    private static CommandLine build(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new ThrumCommand());
        for (Class<?> c : subcommands) cl.addSubcommand(c);
        return CliErrors.install(cl);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * What a person sees for a failed command: Thrum's own messages as they are (Jackson's source
     * trailer taken out), and for a slip inside Thrum (a null, a number that did not parse) a line
     * that says so instead of the JDK's internal text, which names no file and no fix.
     */
    static String personMessage(Throwable ex) {
        boolean slip = ex instanceof NullPointerException || ex instanceof NumberFormatException || ex instanceof ClassCastException
                || ex instanceof IndexOutOfBoundsException || ex instanceof ArithmeticException || ex.getMessage() == null;
        if (!slip) return JsonErrors.clean(ex.getMessage());
        System.getLogger(ThrumCommand.class.getName()).log(System.Logger.Level.DEBUG, "internal error", ex);
        return "internal error in Thrum (" + ex.getClass().getSimpleName().replace("Exception", "")
                + "); please report it, with the output of THRUM_LOG=debug and the command you ran";
    }
}
