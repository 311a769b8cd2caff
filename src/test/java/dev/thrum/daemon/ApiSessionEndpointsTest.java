package dev.thrum.daemon;

import dev.thrum.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.engine.Control;
import dev.thrum.engine.EngineEvent;
import dev.thrum.engine.PauseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session endpoints and the event stream over real HTTP, against a fake host (no device). */
class ApiSessionEndpointsTest {
    @TempDir Path home;
    FakeSessionHost host;
    Daemon daemon;
    DaemonClient client;

    @BeforeEach
    void start() throws Exception {
        host = new FakeSessionHost();
        daemon = TestDaemons.start(home, host, (program, c, confirmed) -> {
            if (!program.equals("known")) throw ApiException.notFound("no program '" + program + "'", "list them with GET /programs");
            return TestPlans.twoSteps(program);
        });
        client = new DaemonClient(daemon.port(), daemon.token());
    }

    @AfterEach
    void stop() { daemon.close(); }

    @Test
    void controls_reach_the_host_and_unknown_actions_are_404() throws Exception {
        assertEquals(409, client.post("/session/pause", "").status(), "no session yet");
        assertEquals(201, client.post("/sessions", "{\"program\": \"known\"}").status());
        assertEquals(409, client.post("/sessions", "{\"program\": \"known\"}").status(), "one session at a time");
        for (String a : List.of("pause", "resume", "skip", "previous", "softer", "harder", "stop"))
            assertEquals(200, client.post("/session/" + a, "").status(), a);
        assertEquals(List.of(Control.PAUSE, Control.RESUME, Control.SKIP, Control.PREVIOUS, Control.SOFTER,
                Control.HARDER, Control.STOP), host.controls);
        DaemonClient.Response bad = client.post("/session/faster", "");
        assertEquals(404, bad.status());
        assertTrue(bad.body().path("hint").asText().contains("pause"), bad.body().toString());
    }

    @Test
    void errors_are_json_with_a_hint() throws Exception {
        DaemonClient.Response unknown = client.post("/sessions", "{\"program\": \"nope\"}");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().path("error").asText().contains("nope"));
        assertTrue(unknown.body().has("hint"));
        assertEquals(400, client.post("/sessions", "{}").status());
        assertEquals(405, client.get("/stop").status());
        assertEquals(404, client.get("/nothing-here").status());
        assertEquals(409, client.post("/sessions", "{\"program\": \"known\", \"device\": \"serial:/dev/ttyUSB0\"}").status());
        assertEquals(201, client.post("/sessions", "{\"program\": \"known\", \"device\": \"sim\"}").status());
    }

    @Test
    void the_emergency_stop_answers_with_its_time() throws Exception {
        DaemonClient.Response r = client.emergencyStop();
        assertEquals(200, r.status());
        assertTrue(r.body().path("stopped").asBoolean());
        assertTrue(r.body().path("millis").asDouble() >= 0);
        assertEquals(1, host.emergencyStops);
    }

    @Test
    void events_arrive_over_sse_with_heartbeats_and_a_closed_client_is_dropped() throws Exception {
        SseReader sse = new SseReader(daemon.port(), daemon.token().value());
        assertEquals(200, sse.status);
        JsonNode hello = Json.MAPPER.readTree(sse.await("hello", Duration.ofSeconds(5)).data());
        assertFalse(hello.path("running").asBoolean());
        client.post("/sessions", "{\"program\": \"known\"}");
        JsonNode started = Json.MAPPER.readTree(sse.await("started", Duration.ofSeconds(5)).data());
        assertEquals("known", started.path("programId").asText());
        host.emit(new HostEvent.Engine(new EngineEvent.Paused(Instant.now(), PauseReason.LINK_LOST)));
        assertEquals("LINK_LOST", Json.MAPPER.readTree(sse.await("paused", Duration.ofSeconds(5)).data()).path("reason").asText());
        host.emit(new HostEvent.Link(false, "gone", Instant.now()));
        sse.await("linkDown", Duration.ofSeconds(5));
        Await.until(() -> sse.heartbeats >= 1, Duration.ofSeconds(5), "a heartbeat (every 200 ms in tests)");

        assertEquals(1, waitForStreams(1));
        sse.close();
        assertEquals(0, waitForStreams(0), "the stream of a client that went away must be dropped");
    }

    @Test
    void the_client_subscription_delivers_parsed_events_and_ends_when_the_daemon_closes() throws Exception {
        Path wrongToken = home.resolve("wrong-token");
        Files.writeString(wrongToken, "0".repeat(64));
        java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new DaemonClient(daemon.port(), ApiToken.read(wrongToken)).events(e -> { }));
        assertTrue(refused.getMessage().contains("HTTP 401"), refused.getMessage());

        java.util.concurrent.BlockingQueue<DaemonEvents.Event> got = new java.util.concurrent.LinkedBlockingQueue<>();
        try (DaemonEvents events = client.events(got::add)) {
            assertEquals("hello", got.poll(5, java.util.concurrent.TimeUnit.SECONDS).name());
            client.post("/sessions", "{\"program\": \"known\"}");
            DaemonEvents.Event started = got.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("started", started.name());
            assertEquals("known", started.data().path("programId").asText());
            daemon.close();
            DaemonEvents.Event end = got.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(DaemonEvents.END, end == null ? null : end.name());
        }
    }

    private int waitForStreams(int wanted) throws Exception {
        EventHub hub = TestDaemons.hub(daemon);
        return Await.value(hub::streamCount, n -> n == wanted, Duration.ofSeconds(5), wanted + " event streams");
    }

    @Test
    void a_second_daemon_on_the_same_files_refuses_to_start() throws Exception {
        Path state = TestDaemons.files(home).stateFile();
        long parentPid = ProcessHandle.current().parent().orElseThrow().pid(); // alive, and not this process
        new DaemonState(daemon.port(), parentPid, Instant.now(), "sim").writeTo(state);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> TestDaemons.start(home, new FakeSessionHost(), (p, c, ok) -> TestPlans.twoSteps(p)));
        assertTrue(e.getMessage().contains("already running"), e.getMessage());
    }

    @Test
    void the_state_file_names_the_port_and_goes_away_on_close() throws Exception {
        Path state = TestDaemons.files(home).stateFile();
        assertEquals(daemon.port(), DaemonState.read(state).orElseThrow().port());
        assertTrue(DaemonClient.find(TestDaemons.files(home)).isPresent());
        daemon.close();
        assertTrue(host.closed, "closing the daemon closes the host (stops the motor)");
        assertFalse(Files.exists(state));
        assertTrue(DaemonClient.find(TestDaemons.files(home)).isEmpty());
    }
}
