package dev.thrum.daemon;

import dev.thrum.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.app.DeviceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The get-ready countdown as the web app sees it (docs/api.md): a {@code getReady} event after the
 * step's {@code stepStarted}, {@code countdown} in {@code GET /session}, the motor still until
 * {@code POST /session/skip-countdown} (or the end of the countdown), then a ramp from the lowest value.
 */
class GetReadyApiTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir Path home;

    @Test
    void theCountdownIsPublishedShownAndSkippable() throws Exception {
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 1);
        try (Daemon daemon = TestDaemons.assembled(home, settings);
             SseReader sse = new SseReader(daemon.port(), daemon.token().value())) {
            DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
            sse.await("hello", WAIT);
            DaemonClient.Response started = client.post("/sessions", "{\"program\": \"general-warm-up\"}");
            assertEquals(201, started.status(), started.body().toString());
            JsonNode countdown = started.body().path("countdown");
            assertTrue(countdown.isInt() && countdown.asInt() >= 1 && countdown.asInt() <= 5, started.body().toString());
            assertEquals("GET_READY", started.body().path("view").path("phase").asText());

            SseReader.Event step = sse.await("stepStarted", WAIT);
            JsonNode ready = Json.MAPPER.readTree(sse.await("getReady", WAIT).data());
            assertEquals(0, ready.path("index").asInt());
            assertEquals(5, ready.path("seconds").asInt());
            assertEquals("start", ready.path("kind").asText());
            assertTrue(ready.path("at").isTextual(), ready.toString());
            assertEquals(Json.MAPPER.readTree(step.data()).path("at").asText(), ready.path("at").asText(),
                    "the countdown begins as the step is announced");

            DaemonClient.Response skipped = client.post("/session/skip-countdown", "");
            assertEquals(200, skipped.status(), skipped.body().toString());
            SseReader.Event first = sse.await(e -> e.name().equals("commanded") && e.data().contains("\"value\""), WAIT);
            assertEquals(ApiOnSimulatorTest.LOWEST, Json.MAPPER.readTree(first.data()).path("command").path("value").asInt());
            // the view follows the event
            JsonNode now = Await.value(() -> client.get("/session").body(), v -> v.path("countdown").isNull(), WAIT,
                    "the view to leave the countdown");
            assertTrue(now.path("countdown").isNull(), now.toString());
            assertTrue(now.path("view").path("activeTime").asDouble() < 4, "the motor started long before the 5 s were up: " + now);
            assertEquals(200, client.emergencyStop().status());
        }
    }
}
