package dev.thrum.daemon;

import dev.thrum.testkit.Await;
import dev.thrum.app.DeviceSpec;
import dev.thrum.cli.StatusCommand;
import dev.thrum.quick.QuickStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/** The short path of {@code thrum status} prints what the full command prints. */
class QuickStatusTest {
    @TempDir Path home;

    private String full() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new StatusCommand(TestDaemons.files(home)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        cl.execute();
        return out.toString();
    }

    private String quick() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(out, true, StandardCharsets.UTF_8);
        QuickStatus.run(TestDaemons.files(home), p, p);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Paused time grows while we look: compare everything else. */
    private static String steady(String status) {
        return status.replaceAll("paused \\d+ s", "paused N s");
    }

    @Test
    void sameLinesWithNoDaemonIdleAndAPausedSession() throws Exception {
        assertEquals(full(), quick());
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 1);
        try (Daemon daemon = TestDaemons.assembled(home, settings)) {
            DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
            assertEquals(full(), quick());
            assertTrue(quick().contains("Session: none running"), quick());
            assertEquals(201, client.post("/sessions", "{\"program\": \"general-warm-up\"}").status());
            assertEquals(200, client.post("/session/skip-countdown", "").status());
            assertEquals(200, client.post("/session/pause", "").status());
            Await.value(this::quick, q -> q.contains("Session: paused"), Duration.ofSeconds(20), "the quick status to say paused");
            String quick = quick();
            assertTrue(quick.contains("Session: paused (user)") && quick.contains("Step 1 of 11: Calves (left), paused"), quick);
            assertEquals(steady(full()), steady(quick));
            assertEquals(200, client.emergencyStop().status());
            Await.value(this::quick, q -> q.contains("Last session"), Duration.ofSeconds(20), "the quick status to show the last session");
            assertEquals(full(), quick());
            assertTrue(quick().contains("Last session: General warm-up, stopped_by_user"), quick());
        }
    }
}
