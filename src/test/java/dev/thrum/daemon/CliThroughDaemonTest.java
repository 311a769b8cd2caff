package dev.thrum.daemon;

import dev.thrum.cli.StatusCommand;
import dev.thrum.cli.StopCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code thrum stop} and {@code thrum status} find the daemon through its files and talk to it. */
class CliThroughDaemonTest {
    @TempDir Path home;

    record Run(int exit, String out, String err) {}

    private Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void without_a_daemon_stop_and_status_say_so_and_exit_1() {
        Run stop = run(new StopCommand(TestDaemons.files(home)));
        assertEquals(1, stop.exit());
        assertTrue(stop.err().contains("no thrum daemon is running"), stop.err());
        Run status = run(new StatusCommand(TestDaemons.files(home)));
        assertEquals(1, status.exit());
        assertTrue(status.out().contains("not running"), status.out());
    }

    @Test
    void a_state_file_of_a_dead_process_counts_as_no_daemon() throws Exception {
        new DaemonState(7411, Long.MAX_VALUE / 2, Instant.now(), "sim").writeTo(TestDaemons.files(home).stateFile());
        assertEquals(1, run(new StopCommand(TestDaemons.files(home))).exit());
    }

    @Test
    void with_a_daemon_stop_reaches_the_motor_and_status_shows_the_device() throws Exception {
        FakeSessionHost host = new FakeSessionHost();
        try (Daemon daemon = TestDaemons.start(home, host, (p, c, ok) -> TestPlans.twoSteps(p))) {
            Run stop = run(new StopCommand(TestDaemons.files(home)));
            assertEquals(0, stop.exit(), stop.err());
            assertTrue(stop.out().contains("Motor stopped"), stop.out());
            assertEquals(1, host.emergencyStops);

            Run status = run(new StatusCommand(TestDaemons.files(home)));
            assertEquals(0, status.exit(), status.err());
            assertTrue(status.out().contains("running on http://127.0.0.1:" + daemon.port()), status.out());
            assertTrue(status.out().contains("fake:device, link up"), status.out());
            assertTrue(status.out().contains("Session: none running"), status.out());

            Run json = run(new StatusCommand(TestDaemons.files(home)), "--json");
            assertEquals(daemon.port(), Json.MAPPER.readTree(json.out()).path("port").asInt());
        }
    }

    /** A stop written to a device that does not answer is not a confirmed stop: the person is told to act. */
    @Test
    void with_the_link_lost_stop_says_it_is_not_confirmed_and_exits_1() throws Exception {
        FakeSessionHost host = new FakeSessionHost();
        host.link = false;
        try (Daemon daemon = TestDaemons.start(home, host, (p, c, ok) -> TestPlans.twoSteps(p))) {
            Run stop = run(new StopCommand(TestDaemons.files(home)));
            assertEquals(1, stop.exit(), stop.out());
            assertFalse(stop.out().contains("Motor stopped"), stop.out());
            assertTrue(stop.err().contains("cannot confirm it stopped") && stop.err().contains("switch it off by hand"), stop.err());
            assertEquals(1, host.emergencyStops, "the stop was still sent");
        }
    }
}
