package dev.thrum.daemon;

import dev.thrum.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.app.DeviceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole daemon (real session runner, device session and simulated Theragun) over real HTTP on
 * loopback: a session starts, its events arrive over SSE, pause and resume re-ramp from the lowest
 * running value, stop ends it, and the log has it.
 */
class ApiOnSimulatorTest {
    static final int LOWEST = 1750; // theragun-gen4: min 1750 rpm
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir Path home;
    Daemon daemon;
    DaemonClient client;

    @BeforeEach
    void start() throws Exception {
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 4);
        daemon = TestDaemons.assembled(home, settings);
        client = new DaemonClient(daemon.port(), daemon.token());
    }

    @AfterEach
    void stop() { daemon.close(); }

    private static JsonNode json(SseReader.Event e) throws Exception { return Json.MAPPER.readTree(e.data()); }

    private static boolean speed(SseReader.Event e) throws Exception {
        return e.name().equals("commanded") && json(e).path("command").has("value");
    }

    @Test
    void a_session_runs_over_http_with_sse_events_pause_resume_from_low_and_stop() throws Exception {
        assertEquals("up", client.get("/devices").body().path("devices").get(0).path("link").asText());
        JsonNode ended;
        try (SseReader sse = new SseReader(daemon.port(), daemon.token().value())) {
            sse.await("hello", WAIT);
            DaemonClient.Response started = client.post("/sessions", "{\"program\": \"general-warm-up\", \"device\": \"sim:theragun-gen4\"}");
            assertEquals(201, started.status(), started.body().toString());
            assertTrue(started.body().path("running").asBoolean());
            assertEquals("general-warm-up", json(sse.await("started", WAIT)).path("programId").asText());
            assertEquals(0, json(sse.await("stepStarted", WAIT)).path("index").asInt());
            assertEquals(LOWEST, json(sse.await(ApiOnSimulatorTest::speedEvent, WAIT)).path("command").path("value").asInt(),
                    "the first speed of a session is the lowest running value");
            sse.await(e -> speedEvent(e) && value(e) > LOWEST + 50, WAIT); // it ramped up

            java.io.StringWriter status = new java.io.StringWriter();
            picocli.CommandLine cl = new picocli.CommandLine(new dev.thrum.cli.StatusCommand(TestDaemons.files(home)));
            cl.setOut(new java.io.PrintWriter(status, true));
            assertEquals(0, cl.execute());
            assertTrue(status.toString().contains("Session: running") && status.toString().contains("Step 1 of")
                    && status.toString().contains("Calves (left)")
                    && status.toString().contains("Pressure: medium"), status.toString());

            assertEquals(200, client.post("/session/pause", "").status());
            assertEquals("USER", json(sse.await("paused", WAIT)).path("reason").asText());
            assertEquals("PAUSED", client.get("/session").body().path("view").path("state").asText());
            assertEquals(200, client.post("/session/resume", "").status());
            sse.await("resumed", WAIT);
            assertEquals(LOWEST, value(sse.await(ApiOnSimulatorTest::speedEvent, WAIT)),
                    "the first speed after resume is the lowest running value");

            assertEquals(200, client.post("/session/stop", "").status());
            assertEquals("STOPPED_BY_USER", json(sse.await("finished", WAIT)).path("outcome").asText());
            ended = json(sse.await("sessionEnded", WAIT));
        }
        JsonNode session = client.get("/session").body();
        assertFalse(session.path("running").asBoolean());
        assertEquals("STOPPED_BY_USER", session.path("lastReport").path("outcome").asText());
        JsonNode log = client.get("/log").body().path("sessions");
        assertEquals(1, log.size(), log.toString());
        // the end names the logged record, for the pain score after it (the web app's question)
        assertEquals(log.get(0).path("id").asText(), ended.path("session").asText(), ended.toString());
        assertEquals(log.get(0).path("id").asText(), session.path("lastSession").asText(), session.toString());
        assertEquals("STOPPED_BY_USER", ended.path("report").path("outcome").asText());
        assertEquals("general-warm-up", log.get(0).path("programId").asText(), log.get(0).toString());
        assertTrue(client.getText("/log/export?format=csv").body().contains("general-warm-up"));
        assertEquals(1, client.get("/log/summary?by=program").body().path("sessions").asInt());
    }

    @Test
    void an_intensity_above_the_caps_never_reaches_the_motor() throws Exception {
        try (SseReader sse = new SseReader(daemon.port(), daemon.token().value())) {
            DaemonClient.Response r = client.post("/sessions", "{\"program\": \"general-warm-up\", \"intensity\": 1.0}");
            assertEquals(201, r.status(), r.body().toString());
            assertTrue(r.body().path("intensity").path("clamped").asBoolean(), r.body().toString());
            double cap = r.body().path("view").path("cap").asDouble();
            assertTrue(cap < 1.0, "the first step has a cap below the device maximum: " + cap);
            int capValue = LOWEST + (int) Math.floor(cap * (2400 - LOWEST) + 1e-9);
            List<Integer> speeds = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(4).toNanos(); // not a wait: 4 s of speeds are checked
            while (System.nanoTime() < end) {
                SseReader.Event e = sse.events.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (e != null && speedEvent(e)) speeds.add(value(e));
            }
            assertFalse(speeds.isEmpty());
            for (int v : speeds) assertTrue(v <= capValue, "speed " + v + " above the cap value " + capValue);
        }
    }

    @Test
    void the_emergency_stop_works_with_no_session_and_during_one() throws Exception {
        DaemonClient.Response idle = client.emergencyStop();
        assertEquals(200, idle.status(), idle.body().toString());
        assertEquals(201, client.post("/sessions", "{\"program\": \"general-warm-up\"}").status());
        DaemonClient.Response stop = client.emergencyStop();
        assertEquals(200, stop.status());
        assertTrue(stop.body().path("millis").asDouble() < SessionEndpoints.STOP_WAIT_MS);
        Await.until(() -> !client.get("/session").body().path("running").asBoolean(), WAIT, "the stopped session to end");
        assertEquals("STOPPED_BY_USER", client.get("/session").body().path("lastReport").path("outcome").asText());
        assertTrue(Files.exists(TestDaemons.dirs(home).data().resolve("usage-log.jsonl")));
    }

    private static boolean speedEvent(SseReader.Event e) {
        try {
            return speed(e);
        } catch (Exception ex) {
            return false;
        }
    }

    private static int value(SseReader.Event e) {
        try {
            return json(e).path("command").path("value").asInt();
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }
}
