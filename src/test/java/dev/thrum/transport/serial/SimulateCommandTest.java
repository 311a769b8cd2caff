package dev.thrum.transport.serial;

import dev.thrum.cli.SimulateCommand;
import dev.thrum.cli.ThrumCommand;
import dev.thrum.store.ProfileLibraryLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code thrum simulate} refuses what it cannot run, with a message saying why (a running one is in SerialSimulatorEndToEndTest). */
class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void aProfileWithoutSerialSettingsIsRefusedByName() {
        Result r = run("simulate", "--profile", "theragun-gen4", "--serial", dir.resolve("b").toString());
        assertEquals(1, r.exit, r.err);
        assertTrue(r.err.contains("'theragun-gen4'") && r.err.contains("no serial section"), r.err);
    }

    @Test
    void anUnknownProfileListsTheKnownOnes() {
        Result r = run("simulate", "--profile", "no-such-gun", "--serial", dir.resolve("b").toString());
        assertEquals(1, r.exit, r.err);
        assertTrue(r.err.contains("no-such-gun") && r.err.contains("thrum-open-serial"), r.err);
    }

    @Test
    void aMissingPortIsNamed() {
        String port = dir.resolve("nothing-here").toString();
        Result r = run("simulate", "--profile", "thrum-open-serial", "--serial", port);
        assertEquals(1, r.exit, r.err);
        assertTrue(r.err.contains(port) && r.err.contains("does not exist"), r.err);
    }

    @Test
    void theSerialPortIsRequired() {
        assertEquals(2, run("simulate", "--profile", "thrum-open-serial").exit);
    }

    private record Result(int exit, String err) {}

    /** The real command line, but profiles from the built-ins only (never the user's directories). */
    private static Result run(String... args) {
        CommandLine cl = ThrumCommand.commandLine();
        CommandLine simulate = cl.getSubcommands().get("simulate");
        CommandLine builtInsOnly = new CommandLine(new SimulateCommand(() -> new ProfileLibraryLoader().load(List.of())));
        builtInsOnly.setExecutionExceptionHandler(simulate.getExecutionExceptionHandler());
        cl = builtInsOnly;
        args = java.util.Arrays.copyOfRange(args, 1, args.length);
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        return new Result(cl.execute(args), err.toString());
    }
}
