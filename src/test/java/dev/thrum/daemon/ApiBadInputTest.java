package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.input.InternalText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * API bodies and headers an attacker or a careless script sends, over real HTTP on loopback with the
 * real library endpoints (issue 13, items 1, 12, 16, 18): each refused with JSON naming the request
 * and the place, nothing saved, no internal text.
 */
class ApiBadInputTest {
    @TempDir Path home;
    FakeSessionHost host;
    Daemon daemon;
    DaemonClient client;

    @BeforeEach
    void start() throws Exception {
        host = new FakeSessionHost();
        daemon = TestDaemons.withLibrary(home, host);
        client = new DaemonClient(daemon.port(), daemon.token());
    }

    @AfterEach
    void stop() { daemon.close(); }

    private static void refused(DaemonClient.Response r, String... expected) {
        assertEquals(400, r.status(), r.body().toString());
        String text = r.body().toString();
        for (String e : expected) assertTrue(text.contains(e), "'" + e + "' missing in " + text);
        InternalText.assertNone(text, "the answer");
    }

    @Test
    void a_client_limit_on_an_unknown_region_is_refused_and_nothing_is_saved() throws Exception {
        refused(client.post("/clients", "{\"name\":\"y\",\"regionCaps\":{\"calvs\":0.2}}"),
                "POST /clients ($.regionCaps.calvs", "did you mean 'calves'");
        refused(client.post("/clients", "{\"name\":\"y\",\"avoid\":[\"hamstring\"]}"),
                "POST /clients ($.avoid[0]", "did you mean 'hamstrings'");
        assertFalse(Files.exists(TestDaemons.dirs(home).clients().resolve("y.json")));
        assertEquals(201, client.post("/clients", "{\"name\":\"y\",\"regionCaps\":{\"calves\":0.2}}").status());
    }

    @Test
    void a_hand_edited_client_naming_an_unknown_region_cannot_start_a_session() throws Exception {
        Path dir = Files.createDirectories(TestDaemons.dirs(home).clients());
        Files.writeString(dir.resolve("y.json"), "{\"name\":\"y\",\"regionCaps\":{\"calvs\":0.2}}");
        DaemonClient.Response r = client.post("/sessions", "{\"program\":\"general-warm-up\",\"client\":\"y\"}");
        refused(r, "y.json ($.regionCaps.calvs", "did you mean 'calves'");
        assertTrue(host.started.isEmpty(), "a session started for a client whose limit cannot be applied");
        JsonNode list = client.get("/clients").body();
        assertTrue(list.path("problems").toString().contains("calvs"), list.toString());
    }

    @Test
    void trailing_garbage_and_duplicate_keys_are_refused_in_every_body() throws Exception {
        refused(client.post("/sessions", "{\"program\":\"general-warm-up\"}garbage"), "after the end of the JSON value");
        refused(client.post("/sessions", "{\"program\":\"general-warm-up\",\"program\":\"sciatica-relief\"}"), "duplicate key 'program'");
        refused(client.post("/clients", "{\"name\":\"z\"} {\"name\":\"w\"}"), "POST /clients", "line 1, column 14");
        refused(client.post("/clients", "{\"name\":\"z\",\"name\":\"w\"}"), "duplicate key 'name'");
        assertTrue(host.started.isEmpty());
        assertFalse(Files.exists(TestDaemons.dirs(home).clients().resolve("z.json")));
    }

    @Test
    void a_deeply_nested_body_is_a_json_400_not_a_500() throws Exception {
        String deep = "[".repeat(100_000);
        refused(client.post("/sessions", deep), "nested deeper than");
        refused(client.post("/programs", deep), "POST /programs", "nested deeper than");
    }

    @Test
    void a_body_that_is_not_utf8_is_refused_with_its_offset() throws Exception {
        String answer = raw("POST", "/sessions", "127.0.0.1:" + daemon.port(), null,
                new byte[]{'{', '"', 'p', '"', ':', '"', (byte) 0xE9, '"', '}'});
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("byte offset 6"), answer);
    }

    @Test
    void two_host_or_two_origin_headers_are_refused() throws Exception {
        String own = "127.0.0.1:" + daemon.port();
        String twoHosts = raw("GET", "/session", own, "Host: evil.example\r\n", new byte[0]);
        assertTrue(twoHosts.startsWith("HTTP/1.1 400") && twoHosts.contains("2 Host headers"), twoHosts);
        String twoOrigins = raw("POST", "/stop", own, "Origin: http://" + own + "\r\nOrigin: http://evil.example\r\n", new byte[0]);
        assertTrue(twoOrigins.startsWith("HTTP/1.1 400") && twoOrigins.contains("2 Origin headers"), twoOrigins);
        assertEquals(0, host.emergencyStops, "a refused request reached the host");
        assertTrue(raw("GET", "/session", own, "", new byte[0]).startsWith("HTTP/1.1 200"));
    }

    /** One request written by hand, so headers can repeat; the answer as text. */
    private String raw(String method, String path, String host, String extraHeaders, byte[] body) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
            OutputStream out = s.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (extraHeaders == null ? "" : extraHeaders)
                    + "Authorization: Bearer " + daemon.token().value() + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
