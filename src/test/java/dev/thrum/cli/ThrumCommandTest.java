package dev.thrum.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.*;

/** The root command: every subcommand registered once, help and version, exit codes. */
class ThrumCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ThrumCommand.commandLine(args); // as Main builds it
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsEveryCommandWithADescription() {
        assertEquals(0, run("--help"));
        for (String name : new String[] {"run", "profiles", "programs", "clients", "log", "report", "devices"}) {
            assertTrue(out.toString().lines().anyMatch(l -> l.trim().startsWith(name + " ") && l.trim().length() > name.length() + 5),
                    name + " missing or without a description in:\n" + out);
        }
    }

    @Test
    void versionAndUsageErrorExitCodes() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("thrum "), out.toString());
        assertEquals(2, run("no-such-command"));
        assertTrue(err.toString().contains("no-such-command"), err.toString());
    }

    @Test
    void aNamedSubcommandIsBuiltAloneAndAnythingElseGetsTheWholeTree() {
        for (Class<?> c : ThrumCommand.SUBCOMMANDS) {
            if (c == CommandLine.HelpCommand.class) continue;
            String name = c.getAnnotation(CommandLine.Command.class).name();
            assertEquals(java.util.Set.of(name), ThrumCommand.commandLine(name, "--help").getSubcommands().keySet(), name);
        }
        int all = ThrumCommand.SUBCOMMANDS.size();
        assertEquals(all, ThrumCommand.commandLine().getSubcommands().size());
        assertEquals(all, ThrumCommand.commandLine("help", "run").getSubcommands().size());
        assertEquals(all, ThrumCommand.commandLine("--version").getSubcommands().size());
        assertEquals(all, ThrumCommand.commandLine("rnu").getSubcommands().size());
    }

    @Test
    void aSubcommandBuiltAloneStillParsesItsOwnOptionsAndReportsUsageErrors() {
        assertEquals(0, run("daemon", "--help"));
        assertTrue(out.toString().contains("--link-grace"), out.toString());
        assertEquals(2, run("daemon", "--no-such-option"));
        assertTrue(err.toString().contains("--no-such-option"), err.toString());
    }
}
