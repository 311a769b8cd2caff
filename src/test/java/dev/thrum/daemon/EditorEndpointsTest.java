package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The routine editor's endpoints over HTTP on real files: the catalogue and the dry-run check. */
class EditorEndpointsTest {
    @TempDir Path home;
    Daemon daemon;
    DaemonClient client;

    @BeforeEach
    void start() throws Exception {
        daemon = TestDaemons.withLibrary(home, new FakeSessionHost());
        client = new DaemonClient(daemon.port(), daemon.token());
    }

    @AfterEach
    void stop() { daemon.close(); }

    @Test
    void the_catalogue_says_which_regions_are_blocked_and_their_limits() throws Exception {
        JsonNode regions = client.get("/regions").body().path("regions");
        JsonNode neck = null, glute = null;
        for (JsonNode g : regions) {
            if (g.path("id").asText().equals("neck")) neck = g;
            if (g.path("id").asText().equals("gluteus-maximus")) glute = g;
        }
        assertTrue(neck != null && neck.path("blocked").asBoolean(), regions.toString());
        assertEquals(120.0, glute.path("maxContinuous").asDouble());
        assertEquals(0.7, glute.path("cap").asDouble());
    }

    @Test
    void a_check_names_each_problem_with_its_step_and_path_and_saves_nothing() throws Exception {
        String body = """
                {"id": "try-it", "name": "Try it", "steps": [
                  {"region": "gluteus-maximus", "side": "left", "duration": 200, "target": 0.5},
                  {"repeat": 2, "steps": [{"region": "calves", "side": "left", "duration": 30, "target": 1.5}, {"rest": 10}]}
                ]}
                """;
        DaemonClient.Response r = client.post("/programs/check", body);
        assertEquals(200, r.status(), r.body().toString());
        assertFalse(r.body().path("valid").asBoolean());
        String problems = r.body().path("problems").toString();
        assertTrue(problems.contains("\"path\":\"$.steps[0].duration\"") && problems.contains("\"step\":\"step 1\""), problems);
        assertTrue(problems.contains("\"path\":\"$.steps[1].steps[0].target\""), problems);
        assertFalse(Files.exists(TestDaemons.dirs(home).programs().resolve("try-it.json")));
    }

    @Test
    void a_valid_routine_comes_back_planned_for_the_client_with_ramps() throws Exception {
        assertEquals(201, client.post("/clients", "{\"id\":\"ann\",\"name\":\"Ann\",\"avoid\":[\"calves\"]}").status());
        String body = """
                {"id": "try-it", "name": "Try it", "steps": [
                  {"region": "gluteus-maximus", "side": "both", "duration": 60, "target": 0.5, "rampUp": 20, "curve": "s-curve"},
                  {"region": "calves", "side": "left", "duration": 30, "target": 0.5}
                ]}
                """;
        JsonNode answer = client.post("/programs/check?client=ann", body).body();
        assertTrue(answer.path("valid").asBoolean(), answer.toString());
        JsonNode steps = answer.path("plan").path("steps");
        assertEquals(2, steps.size(), "left and right buttock; the avoided calves skipped: " + steps);
        assertEquals(20.0, steps.path(0).path("rampUp").asDouble());
        assertEquals("S_CURVE", steps.path(0).path("curve").asText());
        assertTrue(answer.path("plan").path("notes").toString().contains("Calves"), answer.toString());
    }

    @Test
    void a_built_in_id_is_never_saved_over() throws Exception {
        String body = "{\"id\": \"sciatica-relief\", \"name\": \"Mine\", \"steps\": [{\"region\": \"calves\", \"duration\": 30, \"target\": 0.3}]}";
        DaemonClient.Response r = client.post("/programs", body);
        assertEquals(409, r.status(), r.body().toString());
        assertTrue(r.body().path("hint").asText().contains("sciatica-relief-copy"), r.body().toString());
        assertEquals(409, client.put("/programs/sciatica-relief", body).status());
        assertFalse(Files.exists(TestDaemons.dirs(home).programs().resolve("sciatica-relief.json")));
    }

    @Test
    void each_region_says_the_firmest_pressure_it_allows() throws Exception {
        JsonNode regions = client.get("/regions").body().path("regions");
        java.util.Map<String, String> most = new java.util.HashMap<>();
        for (JsonNode g : regions) most.put(g.path("id").asText(), g.path("maxPressure").asText());
        assertEquals("light", most.get("lower-back"), regions.toString());
        assertEquals("medium", most.get("piriformis"));
        assertEquals("firm", most.get("calves"), "a region without a limit of its own allows firm");
    }

    @Test
    void a_step_asking_for_more_pressure_than_its_region_allows_is_refused_at_its_pressure_field() throws Exception {
        String body = """
                {"id": "try-it", "name": "Try it", "steps": [
                  {"region": "calves", "side": "left", "duration": 60, "target": 0.4, "pressure": "firm"},
                  {"region": "piriformis", "side": "left", "duration": 60, "target": 0.4, "pressure": "firm", "pressureRamp": 90}
                ]}
                """;
        JsonNode answer = client.post("/programs/check", body).body();
        assertFalse(answer.path("valid").asBoolean(), answer.toString());
        JsonNode problems = answer.path("problems");
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("$.steps[1].pressure", problems.path(0).path("path").asText(), problems.toString());
        assertTrue(problems.path(0).path("message").asText().contains("Piriformis") && problems.path(0).path("message").asText().contains("\"medium\""),
                problems.toString());
        assertEquals("$.steps[1].pressureRamp", problems.path(1).path("path").asText(), "a build-up longer than the step: " + problems);
    }

    @Test
    void the_planned_steps_carry_the_pressure_band_its_maximum_and_its_build_up() throws Exception {
        assertEquals(201, client.post("/clients", "{\"id\":\"ann\",\"name\":\"Ann\",\"conditions\":[\"blood-thinners\"]}").status());
        String body = """
                {"id": "try-it", "name": "Try it", "steps": [
                  {"region": "calves", "side": "left", "duration": 60, "target": 0.4, "rampUp": 10, "pressure": "firm", "pressureRamp": 40},
                  {"rest": 10},
                  {"region": "piriformis", "side": "left", "duration": 60, "target": 0.4}
                ]}
                """;
        JsonNode steps = client.post("/programs/check", body).body().path("plan").path("steps");
        assertEquals("firm", steps.path(0).path("pressure").asText(), steps.toString());
        assertEquals("firm", steps.path(0).path("maxPressure").asText());
        assertEquals(40.0, steps.path(0).path("pressureRamp").asDouble());
        assertTrue(steps.path(1).path("pressure").isMissingNode(), "a rest has no pressure band: " + steps.path(1));
        assertEquals("medium", steps.path(2).path("pressure").asText(), "no pressure named: medium, within the region's maximum");
        assertEquals("medium", steps.path(2).path("maxPressure").asText());

        JsonNode forAnn = client.post("/programs/check?client=ann", body).body();
        assertEquals("light", forAnn.path("plan").path("steps").path(0).path("pressure").asText(), "blood thinners: light everywhere " + forAnn);
        assertEquals("light", forAnn.path("plan").path("steps").path(0).path("maxPressure").asText());
    }
}
