package dev.thrum.product;

import dev.thrum.testkit.ThrumLaunch;
import dev.thrum.daemon.DaemonFiles;
import dev.thrum.quick.QuickStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The short path of {@code thrum stop}: it loads neither the command-line library nor the JSON
 * library, and answers as the full command does, also to a daemon that misbehaves.
 */
class QuickStopTest {
    @TempDir
    Path home;

    @Test
    void stopAndStatusLoadNoCommandLineOrJsonLibrary() throws Exception {
        for (String command : List.of("stop", "status")) {
            ProcessBuilder pb = ThrumLaunch.inPrivateHome(ThrumLaunch.onClassPath(List.of("-verbose:class"), command), home)
                    .redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue(), out);
            assertTrue(out.contains("no thrum daemon is running") || out.contains("Daemon: not running"), out);
            assertFalse(out.contains("picocli."), command + ": picocli was loaded");
            assertFalse(out.contains("com.fasterxml."), command + ": Jackson was loaded");
            assertFalse(out.contains("java.net.http."), command + ": HttpClient was loaded");
        }
    }

    /** A daemon stand-in on a real socket that answers one request with {@code answer}. */
    private record FakeDaemon(ServerSocket server, CompletableFuture<String> request) implements AutoCloseable {
        static FakeDaemon answering(String answer) throws IOException {
            ServerSocket server = new ServerSocket(0);
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    byte[] buf = new byte[4096];
                    int n = s.getInputStream().read(buf);
                    s.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
                    return new String(buf, 0, Math.max(0, n), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            return new FakeDaemon(server, request);
        }

        @Override
        public void close() throws IOException { server.close(); }
    }

    private DaemonFiles files(int port) throws IOException {
        DaemonFiles f = new DaemonFiles(home.resolve("api-token"), home.resolve("daemon.json"));
        Files.writeString(f.tokenFile(), "secret-token\n");
        Files.writeString(f.stateFile(), "{\n  \"port\" : " + port + ",\n  \"pid\" : " + ProcessHandle.current().pid()
                + ",\n  \"startedAt\" : \"2026-11-29T22:00:00Z\",\n  \"device\" : \"sim\"\n}\n");
        return f;
    }

    private static String[] run(DaemonFiles files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = QuickStop.run(files, new PrintStream(out, true), new PrintStream(err, true));
        return new String[] {"" + exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void sendsTheTokenAndTheHostAndReportsTheMillisecondsOfAChunkedAnswer() throws Exception {
        String body = "{\n  \"stopped\" : true,\n  \"millis\" : 3.25\n}";
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        try (FakeDaemon d = FakeDaemon.answering("HTTP/1.1 200 OK\r\nTransfer-encoding: chunked\r\nContent-type: application/json\r\n\r\n" + chunked)) {
            String[] r = run(files(d.server().getLocalPort()));
            assertEquals("0", r[0], r[2]);
            assertEquals("Motor stopped (stop frame written 3.3 ms after the request).\n", r[1]);
            String request = d.request().get(10, TimeUnit.SECONDS);
            assertTrue(request.startsWith("POST /stop HTTP/1.1\r\n"), request);
            assertTrue(request.contains("Authorization: Bearer secret-token\r\n"), request);
            assertTrue(request.contains("Host: 127.0.0.1:" + d.server().getLocalPort() + "\r\n"), request);
        }
    }

    @Test
    void aRefusedStopSaysWhyAndExitsOne() throws Exception {
        String body = "{\"error\":\"the stop frame was not written within 2000 ms\",\"hint\":\"switch the massager off by hand\"}";
        try (FakeDaemon d = FakeDaemon.answering("HTTP/1.1 503 Service Unavailable\r\nContent-length: " + body.length() + "\r\n\r\n" + body)) {
            String[] r = run(files(d.server().getLocalPort()));
            assertEquals("1", r[0]);
            assertEquals("thrum stop: the stop frame was not written within 2000 ms (switch the massager off by hand)\n", r[2]);
        }
    }

    @Test
    void aDaemonThatClosesWithoutAnAnswerIsReported() throws Exception {
        try (FakeDaemon d = FakeDaemon.answering("")) {
            String[] r = run(files(d.server().getLocalPort()));
            assertEquals("1", r[0]);
            assertTrue(r[2].contains("no HTTP answer") && r[2].contains("switch the massager off by hand"), r[2]);
        }
    }

    @Test
    void aStaleStateFileMeansNoDaemon() throws Exception {
        DaemonFiles f = files(1);
        Files.writeString(f.stateFile(), Files.readString(f.stateFile()).replace("\"pid\" : " + ProcessHandle.current().pid(), "\"pid\" : 999999999"));
        String[] r = run(f);
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("no thrum daemon is running"), r[2]);
    }
}
