package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.app.DeviceSpec;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import dev.thrum.engine.StepReport;
import dev.thrum.app.ScriptedPress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Pressure guidance end to end on the simulated Theragun (force in pounds-force, light = 3-15 lbf):
 * a scripted person presses too lightly, then right, then too hard on the lower back. The event stream
 * says "harder", "hold", "lighter" in that order, warns, ramps down and pauses for pressure; the log
 * record has the seconds below, in and above the band within one status interval.
 */
class PressureOnSimulatorTest {
    static final Duration WAIT = Duration.ofSeconds(40);
    static final double SPEEDUP = 4;
    /** The simulated Theragun is polled once a second: at 4x, a reading every 4 s of session time. */
    static final double STATUS_INTERVAL_S = SPEEDUP;

    @TempDir Path home;
    Daemon daemon;

    @AfterEach
    void stop() { if (daemon != null) daemon.close(); }

    @Test
    void tooLightThenRightThenTooHardOnTheLowerBack() throws Exception {
        Files.createDirectories(TestDaemons.dirs(home).programs());
        Files.writeString(TestDaemons.dirs(home).programs().resolve("back-only.json"), """
                {"id": "back-only", "name": "Lower back only",
                 "steps": [{"region": "lower-back", "side": "left", "duration": "90s", "target": 0.3, "rampUp": "10s", "pressure": "light"}]}
                """);
        ScriptedPress script = ScriptedPress.parse("script", "0 0.02\n25 0.2\n50 0.9\n");
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, SPEEDUP);
        daemon = DaemonAssembly.open(new DaemonAssembly.Options(settings, TestDaemons.dirs(home), TestDaemons.files(home),
                null, Duration.ofSeconds(1), Duration.ofSeconds(60), script));
        DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
        List<String> advice = new ArrayList<>();
        try (SseReader sse = new SseReader(daemon.port(), daemon.token().value())) {
            sse.await("hello", WAIT);
            DaemonClient.Response started = client.post("/sessions", "{\"program\": \"back-only\"}");
            assertEquals(201, started.status(), started.body().toString());
            for (String wanted : List.of("HARDER", "HOLD", "LIGHTER")) {
                JsonNode e = json(sse.await(ev -> ev.name().equals("pressureAdvised") && advice(ev).equals(wanted), WAIT));
                advice.add(e.path("advice").asText());
                assertEquals("lower-back", e.path("regionId").asText());
            }
            assertEquals("PRESSURE_HIGH", json(sse.await(ev -> ev.name().equals("warning"), WAIT)).path("code").asText());
            JsonNode pause = json(sse.await(ev -> ev.name().equals("warning"), WAIT));
            assertEquals("PRESSURE_PAUSE", pause.path("code").asText());
            assertTrue(pause.path("message").asText().contains("Ease off: too much pressure on"), pause.toString());
            assertEquals("PRESSURE", json(sse.await("paused", WAIT)).path("reason").asText());
            JsonNode session = client.get("/session").body();
            assertEquals("light", session.path("pressure").path("band").asText(), session.toString());
            assertEquals(200, client.post("/session/stop", "").status());
            sse.await("sessionEnded", WAIT);
        }
        assertEquals(List.of("HARDER", "HOLD", "LIGHTER"), advice);

        List<SessionRecord> records = new ArrayList<>();
        UsageLog.in(TestDaemons.dirs(home).data()).reader().read(records::add, w -> { });
        StepReport.StepPressure p = records.get(records.size() - 1).steps().get(0).pressure();
        assertEquals("light", p.band());
        // the script: 25 s too light, 25 s right, then too hard until the pause (8 s past the limit, 3 s winding down)
        assertEquals(25, p.stats().secondsBelow(), STATUS_INTERVAL_S + 10, "below: " + p.stats());
        assertEquals(25, p.stats().secondsIn(), STATUS_INTERVAL_S + 10, "in: " + p.stats());
        assertTrue(p.stats().secondsAbove() >= 8, "above: " + p.stats());
        assertEquals(1, p.stats().tooMuchEpisodes());
        assertTrue(p.stats().peakNewtons() > 15 * 4.448, "peak above the light band's top: " + p.stats());
    }

    private static JsonNode json(SseReader.Event e) throws Exception { return Json.MAPPER.readTree(e.data()); }

    private static String advice(SseReader.Event e) {
        try {
            return json(e).path("advice").asText();
        } catch (Exception x) {
            return "";
        }
    }
}
