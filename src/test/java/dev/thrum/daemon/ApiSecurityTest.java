package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.app.DeviceSpec;
import dev.thrum.store.ThrumDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard of the API over real HTTP on loopback: token, Host, Origin, loopback binding, clamping. */
class ApiSecurityTest {
    @TempDir Path home;
    FakeSessionHost host;
    Daemon daemon;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        host = new FakeSessionHost();
        daemon = TestDaemons.start(home, host, (program, client, confirmed) -> TestPlans.twoSteps(program));
    }

    @AfterEach
    void stop() { daemon.close(); }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path));
        headers.forEach(b::header);
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String bearer() { return "Bearer " + daemon.token().value(); }

    @Test
    void without_the_token_a_request_gets_401_and_no_action() throws Exception {
        HttpResponse<String> r = get("/session", Map.of());
        assertEquals(401, r.statusCode());
        assertTrue(Json.MAPPER.readTree(r.body()).path("error").asText().contains("token"), r.body());
        HttpResponse<String> stop = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + "/stop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, stop.statusCode());
        assertEquals(0, host.emergencyStops);
    }

    @Test
    void a_wrong_token_gets_401() throws Exception {
        String wrong = "Bearer " + "0".repeat(64);
        assertEquals(401, get("/session", Map.of("Authorization", wrong)).statusCode());
        assertEquals(200, get("/session", Map.of("Authorization", bearer())).statusCode());
    }

    @Test
    void a_foreign_origin_gets_403_even_with_the_token_and_no_cors_headers() throws Exception {
        HttpResponse<String> r = get("/session", Map.of("Authorization", bearer(), "Origin", "http://evil.example"));
        assertEquals(403, r.statusCode());
        assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> own = get("/session", Map.of("Authorization", bearer(), "Origin", "http://127.0.0.1:" + daemon.port()));
        assertEquals(200, own.statusCode());
        assertTrue(own.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertEquals(403, get("/session", Map.of("Authorization", bearer(), "Origin", "http://localhost:" + (daemon.port() + 1))).statusCode());
        assertEquals(403, get("/session", Map.of("Authorization", bearer(), "Origin", "null")).statusCode());
    }

    @Test
    void a_foreign_host_header_gets_403() throws Exception {
        // java.net.http does not let a caller set Host, so this speaks HTTP over a plain socket
        assertEquals(403, rawStatus("evil.example:" + daemon.port(), "POST", "/stop"));
        assertEquals(403, rawStatus("127.0.0.1:" + (daemon.port() + 1), "GET", "/session"));
        assertEquals(0, host.emergencyStops);
        assertEquals(200, rawStatus("localhost:" + daemon.port(), "GET", "/session"));
        assertEquals(200, rawStatus("127.0.0.1:" + daemon.port(), "POST", "/stop"));
        assertEquals(1, host.emergencyStops);
    }

    private int rawStatus(String hostHeader, String method, String path) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nAuthorization: " + bearer()
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void the_socket_listens_on_loopback_only() throws Exception {
        assertTrue(daemon.address().getAddress().isLoopbackAddress(), daemon.address().toString());
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        if (external.isPresent()) {
            try (Socket s = new Socket()) {
                assertThrows(java.io.IOException.class,
                        () -> s.connect(new InetSocketAddress(external.get(), daemon.port()), 1000),
                        "the daemon answered on " + external.get());
            }
        } else {
            System.err.println("ApiSecurityTest: no non-loopback IPv4 address on this machine; checked the bound address only");
        }
    }

    @Test
    void the_token_file_is_owner_only_and_kept_across_restarts() throws Exception {
        Path tokenFile = TestDaemons.files(home).tokenFile();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        assertEquals(daemon.token().value(), Files.readString(tokenFile).trim());
        assertTrue(daemon.token().value().matches("[0-9a-f]{64}"));
        assertEquals(daemon.token().value(), ApiToken.loadOrCreate(tokenFile).value());
    }

    @Test
    void a_token_file_others_could_read_is_replaced() throws Exception {
        Path tokenFile = TestDaemons.files(home).tokenFile();
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));
        ApiToken fresh = ApiToken.loadOrCreate(tokenFile);
        assertNotEquals(daemon.token().value(), fresh.value());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
    }

    @Test
    void an_intensity_above_the_cap_is_clamped_and_reported() throws Exception {
        DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
        DaemonClient.Response r = client.post("/sessions", "{\"program\": \"p1\", \"intensity\": 0.95}");
        assertEquals(201, r.status(), r.body().toString());
        JsonNode i = r.body().path("intensity");
        assertTrue(i.path("clamped").asBoolean(), r.body().toString());
        assertEquals(0.8, i.path("highestTarget").asDouble(), 1e-9);
        assertEquals(List.of(0, 2), List.of(i.path("clampedSteps").get(0).asInt(), i.path("clampedSteps").get(1).asInt()));
        var plan = host.started.get(0);
        plan.steps().forEach(s -> assertTrue(s.target() <= s.cap() + 1e-12, s.toString()));
        assertEquals(0.5, plan.steps().get(0).target(), 1e-9);
        assertEquals(0.8, plan.steps().get(2).target(), 1e-9);
    }

    @Test
    void an_intensity_within_the_caps_is_not_reported_as_clamped() throws Exception {
        DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
        DaemonClient.Response r = client.post("/sessions", "{\"program\": \"p1\", \"intensity\": 0.4}");
        assertEquals(201, r.status());
        assertFalse(r.body().path("intensity").path("clamped").asBoolean());
        assertEquals(0.4, host.started.get(0).steps().get(2).target(), 1e-9);
    }

    @Test
    void raw_speeds_and_bad_intensities_are_refused() throws Exception {
        DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
        DaemonClient.Response speed = client.post("/sessions", "{\"program\": \"p1\", \"speed\": 3600}");
        assertEquals(400, speed.status());
        assertTrue(speed.body().path("hint").asText().contains("no raw speed"), speed.body().toString());
        assertEquals(400, client.post("/sessions", "{\"program\": \"p1\", \"intensity\": 1.5}").status());
        assertEquals(400, client.post("/sessions", "{\"program\": \"p1\", \"intensity\": \"max\"}").status());
        assertEquals(400, client.post("/sessions", "{\"program\": ").status());
        assertTrue(host.started.isEmpty());
    }
}
