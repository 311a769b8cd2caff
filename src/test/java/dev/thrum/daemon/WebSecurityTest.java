package dev.thrum.daemon;

import dev.thrum.engine.Control;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser's way in, over real HTTP: one-time login links, the session cookie's attributes, the
 * Origin check on changes, the page headers. The browser itself is in {@link WebAppBrowserTest}.
 */
class WebSecurityTest {
    @TempDir Path home;
    FakeSessionHost host;
    Daemon daemon;
    final HttpClient http = HttpClient.newHttpClient(); // follows no redirects, keeps no cookies

    @BeforeEach
    void start() throws Exception {
        host = new FakeSessionHost();
        daemon = TestDaemons.start(home, host, (program, client, confirmed) -> TestPlans.twoSteps(program));
    }

    @AfterEach
    void stop() { daemon.close(); }

    private String origin() { return "http://127.0.0.1:" + daemon.port(); }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin() + path));
        headers.forEach(b::header);
        b.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(""));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String loginLink() throws Exception {
        HttpResponse<String> r = send("POST", "/login-links", Map.of("Authorization", "Bearer " + daemon.token().value()));
        assertEquals(201, r.statusCode(), r.body());
        String url = Json.MAPPER.readTree(r.body()).path("url").asText();
        assertTrue(url.startsWith(origin() + "/login?code="), url);
        return url.substring(origin().length());
    }

    /** Logs in and returns the "name=value" of the session cookie. */
    private String login() throws Exception {
        HttpResponse<String> r = send("GET", loginLink(), Map.of());
        assertEquals(303, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    // java.net.http does not let a caller set Host, so this speaks HTTP over a plain socket
    private String rawGet(String path, String hostHeader) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", daemon.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static Map<String, String> headers(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void a_login_link_works_once_and_redirects_to_a_clean_address_with_a_strict_cookie() throws Exception {
        String link = loginLink();
        HttpResponse<String> first = send("GET", link, Map.of());
        assertEquals(303, first.statusCode());
        assertEquals("/", first.headers().firstValue("Location").orElseThrow(), "the code must leave the address bar");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("thrum-" + daemon.port() + "="), cookie);
        for (String attribute : List.of("HttpOnly", "SameSite=Strict", "Path=/"))
            assertTrue(cookie.contains("; " + attribute), "cookie lacks " + attribute + ": " + cookie);
        assertFalse(cookie.contains("Domain="), "the cookie stays on the host it came from: " + cookie);

        HttpResponse<String> second = send("GET", link, Map.of());
        assertEquals(403, second.statusCode(), "a login link works once");
        assertTrue(second.headers().firstValue("Set-Cookie").isEmpty());
        assertTrue(second.body().contains("thrum open"), second.body());
        assertEquals(403, send("GET", "/login?code=" + "ab".repeat(24), Map.of()).statusCode(), "a made-up code");
        assertEquals(403, send("GET", "/login", Map.of()).statusCode(), "no code at all");
    }

    @Test
    void the_cookie_lets_the_page_read_and_control_but_only_with_its_own_origin() throws Exception {
        String cookie = login();
        host.running = true;
        assertEquals(200, send("GET", "/session", headers("Cookie", cookie)).statusCode());
        assertEquals(200, send("POST", "/session/pause", headers("Cookie", cookie, "Origin", origin())).statusCode());
        assertEquals(List.of(Control.PAUSE), host.controls);

        HttpResponse<String> foreign = send("POST", "/session/resume", headers("Cookie", cookie, "Origin", "http://evil.example"));
        assertEquals(403, foreign.statusCode(), foreign.body());
        HttpResponse<String> sibling = send("POST", "/session/resume", headers("Cookie", cookie, "Origin", "http://127.0.0.1:1"));
        assertEquals(403, sibling.statusCode(), "another port of 127.0.0.1 is another origin: " + sibling.body());
        HttpResponse<String> none = send("POST", "/session/resume", headers("Cookie", cookie));
        assertEquals(403, none.statusCode(), "a change with the cookie needs the page's Origin: " + none.body());
        HttpResponse<String> stop = send("POST", "/stop", headers("Cookie", cookie, "Origin", "null"));
        assertEquals(403, stop.statusCode(), "an opaque origin (sandboxed frame, data: page): " + stop.body());
        assertEquals(List.of(Control.PAUSE), host.controls, "none of the refused changes reached the session");
        assertEquals(0, host.emergencyStops);
    }

    @Test
    void a_request_another_site_started_is_refused_even_with_the_cookie() throws Exception {
        String cookie = login();
        for (String site : List.of("cross-site", "same-site")) {
            HttpResponse<String> r = send("GET", "/session", headers("Cookie", cookie, "Sec-Fetch-Site", site));
            assertEquals(403, r.statusCode(), site + ": " + r.body());
        }
        assertEquals(200, send("GET", "/session", headers("Cookie", cookie, "Sec-Fetch-Site", "same-origin")).statusCode());
    }

    @Test
    void without_a_valid_cookie_nothing_but_the_page_files_is_served() throws Exception {
        assertEquals(401, send("GET", "/session", Map.of()).statusCode());
        assertEquals(401, send("GET", "/session", headers("Cookie", "thrum-" + daemon.port() + "=" + "0".repeat(64))).statusCode());
        assertEquals(401, send("POST", "/stop", headers("Origin", origin())).statusCode());
        assertEquals(0, host.emergencyStops);
        assertEquals(200, send("GET", "/", Map.of()).statusCode());
        assertEquals(200, send("GET", "/app/now.js", Map.of()).statusCode());
        HttpResponse<String> escape = send("GET", "/app/..%2Fregions.json", Map.of());
        assertTrue(escape.statusCode() >= 400 && !escape.body().contains("gluteus"), "a path out of the web folder: " + escape.body());
        assertEquals(404, send("GET", "/app/regions.json", Map.of()).statusCode(), "only the web folder is served");
    }

    @Test
    void a_browser_session_cannot_mint_login_links_and_a_logout_ends_it() throws Exception {
        String cookie = login();
        assertEquals(403, send("POST", "/login-links", headers("Cookie", cookie, "Origin", origin())).statusCode());
        assertEquals(200, send("POST", "/logout", headers("Cookie", cookie, "Origin", origin())).statusCode());
        assertEquals(401, send("GET", "/session", headers("Cookie", cookie)).statusCode(), "the cookie died with the logout");
    }

    @Test
    void pages_carry_a_strict_content_security_policy_and_refuse_framing() throws Exception {
        for (String path : List.of("/", "/app/now.js", "/app/style.css", "/app/body.svg", "/login?code=x")) {
            HttpResponse<String> r = send("GET", path, Map.of());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
            assertNotNull(csp, path + " has no CSP");
            assertTrue(csp.contains("default-src 'self'"), csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
            assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "no CORS on " + path);
        }
        assertTrue(rawGet("/", "evil.example:" + daemon.port()).startsWith("HTTP/1.1 403"),
                "DNS rebinding: the page itself is refused under a foreign Host");
        assertTrue(rawGet("/", "127.0.0.1:" + daemon.port()).startsWith("HTTP/1.1 200"));
    }

    @Test
    void the_plan_preview_shows_steps_with_their_effective_caps() throws Exception {
        String cookie = login();
        HttpResponse<String> r = send("GET", "/plan?program=anything", headers("Cookie", cookie));
        assertEquals(200, r.statusCode(), r.body());
        var plan = Json.MAPPER.readTree(r.body());
        assertEquals("anything", plan.path("programId").asText());
        assertTrue(plan.path("steps").size() > 0, r.body());
        assertTrue(plan.path("steps").get(0).has("cap"), r.body());
        assertEquals(400, send("GET", "/plan", headers("Cookie", cookie)).statusCode());
    }
}
