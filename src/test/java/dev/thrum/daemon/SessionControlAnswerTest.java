package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.app.DeviceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /session/pause}, {@code /resume} and {@code /stop} answer with the state after the
 * control, as docs/api.md says (issue 13, item 19), on the real session runner and simulator.
 */
class SessionControlAnswerTest {
    @TempDir Path home;
    Daemon daemon;
    DaemonClient client;

    @BeforeEach
    void start() throws Exception {
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 1);
        daemon = TestDaemons.assembled(home, settings);
        client = new DaemonClient(daemon.port(), daemon.token());
    }

    @AfterEach
    void stop() { daemon.close(); }

    @Test
    void each_control_answers_with_the_state_after_it() throws Exception {
        DaemonClient.Response started = client.post("/sessions", "{\"program\": \"general-warm-up\"}");
        assertEquals(201, started.status(), started.body().toString());

        JsonNode paused = client.post("/session/pause", "").body();
        assertEquals("PAUSED", paused.path("view").path("state").asText(), paused.toString());
        assertEquals("USER", paused.path("view").path("pauseReason").asText(), paused.toString());

        JsonNode resumed = client.post("/session/resume", "").body();
        assertEquals("RUNNING", resumed.path("view").path("state").asText(), resumed.toString());

        JsonNode stopped = client.post("/session/stop", "").body();
        assertFalse(stopped.path("running").asBoolean(), stopped.toString());
        assertTrue(stopped.has("lastReport"), stopped.toString());
    }
}
