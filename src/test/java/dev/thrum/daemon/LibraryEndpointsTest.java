package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.SessionPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Programs and clients over HTTP on real files, and sessions planned from them (fake host). */
class LibraryEndpointsTest {
    @TempDir Path home;
    FakeSessionHost host;
    Daemon daemon;
    DaemonClient client;

    static final String MY_BACK = """
            {
              "id": "my-back",
              "name": "My back",
              "steps": [
                {"region": "upper-back", "duration": "60s", "target": 0.9, "rampUp": "10s"},
                {"region": "calves", "side": "left", "duration": "30s", "target": 0.5, "rampUp": "10s"}
              ]
            }
            """;

    @BeforeEach
    void start() throws Exception {
        host = new FakeSessionHost();
        daemon = TestDaemons.withLibrary(home, host);
        client = new DaemonClient(daemon.port(), daemon.token());
    }

    @AfterEach
    void stop() { daemon.close(); }

    private List<String> ids(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.path(field).forEach(p -> out.add(p.path("id").asText()));
        return out;
    }

    @Test
    void programs_are_listed_read_created_and_updated() throws Exception {
        DaemonClient.Response list = client.get("/programs");
        assertEquals(200, list.status());
        assertTrue(ids(list.body(), "programs").contains("sciatica-relief"), list.body().toString());
        assertEquals("general-warm-up", client.get("/programs/general-warm-up").body().path("program").path("id").asText());

        DaemonClient.Response created = client.post("/programs", MY_BACK);
        assertEquals(201, created.status(), created.body().toString());
        Path file = TestDaemons.dirs(home).programs().resolve("my-back.json");
        assertTrue(Files.exists(file));
        DaemonClient.Response again = client.post("/programs", MY_BACK);
        assertEquals(409, again.status());
        // a refusal names the request and the place, like every other one (ApiBodyFuzzTest found one that did not)
        assertTrue(again.body().toString().contains("POST /programs ($.id)"), again.body().toString());
        assertEquals("My back", client.get("/programs/my-back").body().path("program").path("name").asText());

        DaemonClient.Response updated = client.put("/programs/my-back", MY_BACK.replace("My back", "My whole back"));
        assertEquals(200, updated.status());
        assertTrue(Files.readString(file).contains("My whole back"));
        assertTrue(ids(client.get("/programs").body(), "programs").contains("my-back"));
        assertEquals(404, client.get("/programs/nothing-like-it").status());
        assertEquals(400, client.get("/programs/Bad_Id").status());
        assertEquals(404, client.get("/programs/..%2F..%2Fetc").status(), "an encoded slash never reaches a file name");
    }

    @Test
    void an_invalid_program_is_refused_with_the_place_and_nothing_is_saved() throws Exception {
        client.put("/programs/my-back", MY_BACK);
        Path file = TestDaemons.dirs(home).programs().resolve("my-back.json");
        String before = Files.readString(file);
        DaemonClient.Response bad = client.put("/programs/my-back", MY_BACK.replace("\"calves\"", "\"neck-front\"").replace("\"30s\"", "\"thirty\""));
        assertEquals(400, bad.status(), bad.body().toString());
        String problems = bad.body().path("problems").toString();
        assertTrue(problems.contains("PUT /programs/my-back"), problems);
        assertTrue(problems.contains("$.steps[1]"), problems);
        assertTrue(bad.body().path("problems").size() >= 2, problems);
        assertEquals(before, Files.readString(file), "nothing already saved is lost");

        DaemonClient.Response otherId = client.put("/programs/other", MY_BACK);
        assertEquals(400, otherId.status());
        assertTrue(otherId.body().path("error").asText().contains("$.id"));
        assertFalse(Files.exists(TestDaemons.dirs(home).programs().resolve("other.json")));
    }

    @Test
    void clients_are_created_read_and_updated_with_validation() throws Exception {
        DaemonClient.Response created = client.post("/clients", "{\"name\": \"Ann Smith\", \"maxIntensity\": 0.4}");
        assertEquals(201, created.status(), created.body().toString());
        assertEquals("ann-smith", created.body().path("id").asText());
        assertEquals(0.4, client.get("/clients/ann-smith").body().path("maxIntensity").asDouble(), 1e-9);
        DaemonClient.Response twice = client.post("/clients", "{\"name\": \"Ann Smith\"}");
        assertEquals(409, twice.status());
        assertTrue(twice.body().toString().contains("POST /clients ($.id)"), twice.body().toString());

        DaemonClient.Response tooHigh = client.put("/clients/ann-smith", "{\"id\": \"ann-smith\", \"name\": \"Ann Smith\", \"maxIntensity\": 1.5}");
        assertEquals(400, tooHigh.status(), tooHigh.body().toString());
        assertTrue(tooHigh.body().toString().contains("maxIntensity"), tooHigh.body().toString());
        assertEquals(0.4, client.get("/clients/ann-smith").body().path("maxIntensity").asDouble(), 1e-9, "kept as it was");

        assertEquals(200, client.put("/clients/ann-smith", "{\"id\": \"ann-smith\", \"name\": \"Ann Smith\", \"maxIntensity\": 0.3}").status());
        assertEquals(List.of("ann-smith"), ids(client.get("/clients").body(), "clients"));
        assertEquals(404, client.get("/clients/bob").status());
    }

    @Test
    void a_session_is_planned_with_the_client_caps_and_a_high_intensity_is_clamped() throws Exception {
        client.post("/programs", MY_BACK);
        client.post("/clients", "{\"name\": \"Ann Smith\", \"maxIntensity\": 0.35}");
        DaemonClient.Response r = client.post("/sessions", "{\"program\": \"my-back\", \"client\": \"ann-smith\", \"intensity\": 1.0}");
        assertEquals(201, r.status(), r.body().toString());
        assertTrue(r.body().path("intensity").path("clamped").asBoolean());
        SessionPlan plan = host.started.get(0);
        assertEquals("Ann Smith", plan.clientName());
        for (PlannedStep s : plan.steps()) {
            assertTrue(s.cap() <= 0.35 + 1e-12, s.toString());
            assertTrue(s.target() <= s.cap() + 1e-12, s.toString());
        }
        assertTrue(r.body().path("notes").toString().contains("lowered"), r.body().toString());
        assertEquals(404, client.post("/sessions", "{\"program\": \"my-back\", \"client\": \"nobody\"}").status());
    }

    @Test
    void a_client_with_conditions_must_confirm_before_the_first_session() throws Exception {
        client.post("/clients", "{\"name\": \"Bea Jones\", \"conditions\": [\"osteoporosis\"]}");
        DaemonClient.Response refused = client.post("/sessions", "{\"program\": \"general-warm-up\", \"client\": \"bea-jones\"}");
        assertEquals(409, refused.status(), refused.body().toString());
        assertTrue(refused.body().path("problems").toString().contains("osteoporosis"), refused.body().toString());
        assertTrue(host.started.isEmpty());

        DaemonClient.Response ok = client.post("/sessions", "{\"program\": \"general-warm-up\", \"client\": \"bea-jones\", \"confirmed\": true}");
        assertEquals(201, ok.status(), ok.body().toString());
        assertTrue(client.get("/clients/bea-jones").body().path("conditionsConfirmed").asBoolean(), "the confirmation is remembered");
        for (PlannedStep s : host.started.get(0).steps()) assertTrue(s.cap() <= 0.35 + 1e-12, s.toString());
    }
}
