package dev.thrum.cli;

import dev.thrum.text.Suggestions;
import dev.thrum.text.TerminalText;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * How the command line answers a mistake: one line saying what is wrong (with "did you mean" when
 * something known is near), then one hint naming the help to read. Never a usage dump: it buried
 * the one line that mattered. Everything printed goes through {@link TerminalText#safeWriter}, so
 * a name or message from a file or the API cannot act on the terminal.
 */
public final class CliErrors {
    private CliErrors() {}

    /** Sets the error handlers and the terminal-safe output on {@code cl} and its subcommands. */
    public static CommandLine install(CommandLine cl) {
        cl.setOut(new PrintWriter(TerminalText.safeWriter(new PrintWriter(System.out, true)), true));
        cl.setErr(new PrintWriter(TerminalText.safeWriter(new PrintWriter(System.err, true)), true));
        return handlersOnly(cl);
    }

    /** The handlers alone, for tests that capture output themselves. */
    public static CommandLine handlersOnly(CommandLine cl) {
        withHelp(cl);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setParameterExceptionHandler(CliErrors::onBadArguments);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("thrum: " + ThrumCommand.personMessage(ex));
            return 1;
        });
        return cl;
    }

    /**
     * Every command and subcommand answers --help (and -h), whatever its annotation says. (A
     * command written as a method cannot take options it does not declare: those say
     * {@code mixinStandardHelpOptions} themselves, and HelpEverywhereTest walks the tree.)
     */
    private static void withHelp(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        if (spec.optionsMap().get("--help") == null && !(spec.userObject() instanceof java.lang.reflect.Method))
            spec.mixinStandardHelpOptions(true);
        cl.getSubcommands().values().forEach(CliErrors::withHelp);
    }

    private static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String line = firstLine(ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String typed = u.getUnmatched().get(0);
            List<String> known = new ArrayList<>();
            if (typed.startsWith("-")) {
                cmd.getCommandSpec().options().forEach(o -> known.addAll(List.of(o.names())));
            } else {
                known.addAll(cmd.getSubcommands().keySet());
            }
            String kind = typed.startsWith("-") ? "option" : cmd.getSubcommands().isEmpty() ? "argument" : "command";
            line = "unknown " + kind + " '" + typed + "'" + Suggestions.didYouMean(typed, known);
        }
        err.println("thrum: " + line);
        err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return 2;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
