package dev.thrum.daemon;

import dev.thrum.input.InternalText;
import dev.thrum.input.Mutations;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutated request bodies against a real daemon with the real library endpoints (issue 13, fuzz
 * tests): never a 500, always a JSON error naming the request, no internal text, nothing saved or
 * started from a refused body, and the client saved before still there.
 */
class ApiBodyFuzzTest {
    static Path home;
    static FakeSessionHost host;
    static Daemon daemon;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final byte[] SESSION = "{\"program\": \"general-warm-up\", \"client\": \"good-neighbour\", \"intensity\": 0.5}".getBytes(StandardCharsets.UTF_8);
    static final byte[] CLIENT = ("{\"id\": \"fuzz-target\", \"name\": \"Fuzz Target\", \"maxIntensity\": 0.6, \"avoid\": [\"feet\"],"
            + " \"regionCaps\": {\"calves\": 0.4}, \"maxSession\": \"20m\", \"weeklyTarget\": 3}").getBytes(StandardCharsets.UTF_8);
    static final byte[] PROGRAM = ("{\"id\": \"fuzz-target\", \"name\": \"Fuzz\", \"steps\": [{\"region\": \"calves\", \"side\": \"left\","
            + " \"duration\": \"60s\", \"target\": 0.4, \"rampUp\": \"10s\"}, {\"rest\": 10}]}").getBytes(StandardCharsets.UTF_8);

    @BeforeContainer
    static void start() throws Exception {
        home = Files.createTempDirectory("thrum-api-fuzz");
        host = new FakeSessionHost();
        daemon = TestDaemons.withLibrary(home, host);
        DaemonClient c = new DaemonClient(daemon.port(), daemon.token());
        assertEquals(201, c.post("/clients", "{\"name\": \"Good Neighbour\", \"regionCaps\": {\"calves\": 0.3}}").status());
    }

    @AfterContainer
    static void stop() { daemon.close(); }

    @Provide
    Arbitrary<List<Mutations.Op>> mutations() { return Mutations.ops(); }

    @Property(tries = 100)
    void session_requests(@ForAll("mutations") List<Mutations.Op> ops) throws Exception {
        int before = host.started.size();
        HttpResponse<String> r = post("/sessions", Mutations.apply(SESSION, ops));
        answeredWithJson(r);
        if (r.statusCode() >= 400) assertEquals(before, host.started.size(), "a refused request started a session");
        host.running = false; // let the next try start one
    }

    @Property(tries = 100)
    void client_bodies(@ForAll("mutations") List<Mutations.Op> ops) throws Exception {
        Path file = TestDaemons.dirs(home).clients().resolve("fuzz-target.json");
        Files.deleteIfExists(file);
        HttpResponse<String> r = post("/clients", Mutations.apply(CLIENT, ops));
        answeredWithJson(r);
        if (r.statusCode() >= 400) {
            assertTrue(r.body().contains("POST /clients") || r.body().contains("request body"), r.body());
            assertFalse(Files.exists(file), "a refused client was saved");
        }
        assertTrue(Files.exists(TestDaemons.dirs(home).clients().resolve("good-neighbour.json")), "the saved client was lost");
    }

    @Property(tries = 100)
    void program_bodies(@ForAll("mutations") List<Mutations.Op> ops) throws Exception {
        Path file = TestDaemons.dirs(home).programs().resolve("fuzz-target.json");
        Files.deleteIfExists(file);
        HttpResponse<String> r = post("/programs", Mutations.apply(PROGRAM, ops));
        answeredWithJson(r);
        if (r.statusCode() >= 400) {
            assertTrue(r.body().contains("POST /programs") || r.body().contains("request body"), r.body());
            assertFalse(Files.exists(file), "a refused program was saved");
        }
    }

    private static void answeredWithJson(HttpResponse<String> r) throws Exception {
        assertTrue(r.statusCode() < 500, r.statusCode() + " " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        if (r.statusCode() >= 400) {
            assertFalse(Json.MAPPER.readTree(r.body()).path("error").asText().isBlank(), r.body());
            InternalText.assertNone(r.body(), "the answer");
        }
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
                .header("Authorization", "Bearer " + daemon.token().value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
