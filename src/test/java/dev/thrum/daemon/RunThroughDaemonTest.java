package dev.thrum.daemon;

import dev.thrum.app.DeviceSpec;
import dev.thrum.cli.RunCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code thrum run} while a daemon runs goes through the daemon, which owns the massager. */
class RunThroughDaemonTest {
    @TempDir Path home;
    Daemon daemon;

    @AfterEach
    void stop() { if (daemon != null) daemon.close(); }

    @Test
    void theSessionRunsInTheDaemonAndTheCommandFollowsItToTheEnd() throws Exception {
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 200);
        daemon = TestDaemons.assembled(home, settings);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand(TestDaemons.dirs(home), TestDaemons.files(home)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("general-warm-up");
        assertEquals(0, exit, out + "\n" + err);
        assertTrue(out.toString().contains("the session runs there"), out.toString());
        assertTrue(out.toString().contains("step 1: Calves (left)"), out.toString());
        assertTrue(out.toString().contains("finished: completed"), out.toString());
        DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
        assertTrue(client.get("/log").body().toString().contains("general-warm-up"), "the daemon logged it");
    }

    @Test
    void anUnknownProgramIsRefusedByTheDaemonAsAUsageError() throws Exception {
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 200);
        daemon = TestDaemons.assembled(home, settings);
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand(TestDaemons.dirs(home), TestDaemons.files(home)));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute("no-such-program"));
        assertTrue(err.toString().contains("no-such-program"), err.toString());
    }
}
