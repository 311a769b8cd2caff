package dev.thrum.it;

import dev.thrum.testkit.Await;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thrum.transport.serial.SocatPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code thrum daemon} as a service runs it: on a serial line to {@code thrum simulate}, driven over
 * its HTTP API, stopped with SIGTERM.
 */
class DaemonIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readyThenAnEmergencyStopReachesTheDeviceAndSigtermLogsTheRunningSession(@TempDir Path home) throws Exception {
        Thrum thrum = Thrum.inNewHome(home);
        try (SocatPair pair = SocatPair.start(Files.createDirectories(home.resolve("pty")));
             ThrumProcess device = thrum.start("simulate", "--profile", "thrum-open-serial", "--serial", pair.b().toString())) {
            device.awaitStdout("simulating thrum-open-serial", WAIT);
            try (ThrumProcess daemon = thrum.start("daemon", "--device", "serial:" + pair.a(), "--port", "0")) {
                String base = daemon.awaitStdout(LISTENING, WAIT).group(1);
                String token = Files.readString(thrum.configDir().resolve("api-token")).strip();

                HttpResponse<String> started = post(base + "/sessions", token, "{\"program\": \"general-warm-up\"}");
                assertEquals(201, started.statusCode(), started::body);
                device.awaitStdout("setSpeed", WAIT);
                int linesBeforeStop = device.stdout().size();
                HttpResponse<String> stop = post(base + "/stop", token, "");
                assertEquals(200, stop.statusCode(), stop::body);
                assertTrue(new ObjectMapper().readTree(stop.body()).path("stopped").asBoolean(), stop.body());
                Await.until(() -> device.stdout().subList(linesBeforeStop, device.stdout().size()).stream()
                        .anyMatch(l -> l.endsWith("  stop")), Duration.ofSeconds(10),
                        () -> "the stop frame at the device\n" + device.transcript());

                // the stopped session ends (and is logged) just after its stop frame went out: a second one
                // may be refused with 409 until then
                List<HttpResponse<String>> second = new ArrayList<>();
                Await.until(() -> {
                    try {
                        second.add(post(base + "/sessions", token, "{\"program\": \"general-warm-up\"}"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return second.get(second.size() - 1).statusCode() == 201;
                }, Duration.ofSeconds(10), () -> "a second session after the emergency stop: " + second.get(second.size() - 1).body());
                int linesBeforeTerm = device.stdout().size();
                daemon.terminate();
                ThrumProcess.Result ended = daemon.awaitExit(WAIT);
                assertEquals(143, ended.exit(), ended::toString);
                assertTrue(device.stdout().subList(linesBeforeTerm, device.stdout().size()).stream()
                        .anyMatch(l -> l.endsWith("  stop")), "SIGTERM stops the motor first:\n" + device.transcript());
            }
        }
        ThrumProcess.Result list = thrum.run(WAIT, "log", "list").assertExit(0);
        long logged = list.stdout().stream().filter(l -> l.contains("general-warm-up")).count();
        assertEquals(2, logged, "the stopped session and the one running at SIGTERM are both logged:\n" + list);
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
