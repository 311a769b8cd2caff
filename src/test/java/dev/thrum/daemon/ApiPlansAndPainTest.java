package dev.thrum.daemon;

import dev.thrum.testkit.Await;
import dev.thrum.app.DeviceSpec;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plans and pain scores through the real daemon's HTTP API on the simulator. */
class ApiPlansAndPainTest {
    @TempDir Path home;
    Daemon daemon;
    DaemonClient client;

    @BeforeEach
    void start() throws Exception {
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 50);
        daemon = TestDaemons.assembled(home, settings);
        client = new DaemonClient(daemon.port(), daemon.token());
    }

    @AfterEach
    void stop() { daemon.close(); }

    @Test
    void aPlanIsSetReadKeptByAClientEditAndRemoved() throws Exception {
        assertEquals(201, client.post("/clients", "{\"name\": \"Ana\"}").status());
        DaemonClient.Response bad = client.put("/clients/ana/plan",
                "{\"programs\": [\"nope\"], \"days\": [\"mon\", \"funday\"], \"at\": \"7pm\", \"from\": \"2026-03-01\"}");
        assertEquals(400, bad.status());
        String problems = bad.body().path("problems").toString();
        assertTrue(problems.contains("$.days[1]") && problems.contains("funday"), problems);
        assertTrue(problems.contains("$.at") && problems.contains("HH:MM"), problems);
        DaemonClient.Response unknown = client.put("/clients/ana/plan",
                "{\"programs\": [\"nope\"], \"days\": [\"mon\"], \"from\": \"2026-03-01\"}");
        assertTrue(unknown.body().path("problems").toString().contains("$.programs[0]"), unknown.body().toString());
        DaemonClient.Response ok = client.put("/clients/ana/plan",
                "{\"programs\": [\"general-warm-up\"], \"days\": [\"mon\", \"wed\", \"fri\"], \"at\": \"18:00\", \"from\": \"2026-03-01\"}");
        assertEquals(200, ok.status(), ok.body().toString());
        assertEquals("18:00", client.get("/clients/ana/plan").body().path("plan").path("at").asText());
        // an editor that does not know plans keeps it
        assertEquals(200, client.put("/clients/ana", "{\"id\": \"ana\", \"name\": \"Ana\", \"maxIntensity\": 0.5}").status());
        assertEquals("wed", client.get("/clients/ana").body().path("plan").path("days").get(1).asText());
        assertEquals(200, client.delete("/clients/ana/plan").status());
        assertTrue(client.get("/clients/ana/plan").body().path("plan").isNull());
    }

    @Test
    void painBeforeGoesWithTheSessionAndTheOutcomeAfterIt() throws Exception {
        DaemonClient.Response bad = client.post("/sessions", "{\"program\": \"general-warm-up\", \"painBefore\": 12}");
        assertEquals(400, bad.status());
        assertTrue(bad.body().path("error").asText().contains("painBefore"), bad.body().toString());
        assertEquals(409, client.post("/session/outcome", "{\"painAfter\": 2}").status(), "no session ended yet");

        DaemonClient.Response started = client.post("/sessions",
                "{\"program\": \"general-warm-up\", \"painBefore\": 6, \"painRegions\": [\"calves\"]}");
        assertEquals(201, started.status(), started.body().toString());
        assertEquals(200, client.post("/session/stop", "").status());
        Await.until(() -> !client.get("/session").body().path("running").asBoolean() && daemon.host().lastSessionId().isPresent(),
                Duration.ofSeconds(20), "the session to end");
        assertEquals(400, client.post("/session/outcome", "{}").status());
        assertEquals(400, client.post("/session/outcome", "{\"painAfter\": -1}").status());
        assertEquals(404, client.post("/session/outcome", "{\"session\": \"nope\", \"painAfter\": 1}").status());
        DaemonClient.Response outcome = client.post("/session/outcome", "{\"painAfter\": 2, \"note\": \"calves easier\"}");
        assertEquals(201, outcome.status(), outcome.body().toString());
        List<SessionRecord> rs = new ArrayList<>();
        UsageLog.in(TestDaemons.dirs(home).data()).reader().read(rs::add, w -> { });
        assertEquals(1, rs.size());
        assertEquals(new PainScores(6, 2, List.of("calves"), "calves easier"), rs.get(0).pain());
        assertEquals(outcome.body().path("session").asText(), rs.get(0).id());
        var review = client.get("/log/outcomes").body();
        assertEquals(-4, review.path("sessions").get(0).path("change").asInt(), review.toString());
        assertEquals(-4.0, review.path("byProgram").path("general-warm-up").path("meanChange").asDouble(), review.toString());
        assertEquals("calves easier", review.path("sessions").get(0).path("note").asText());
    }
}
