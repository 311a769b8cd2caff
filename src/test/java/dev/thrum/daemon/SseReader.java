package dev.thrum.daemon;

import dev.thrum.testkit.Await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/** Reads a Server-Sent Events stream on its own thread into a queue of events and heartbeats. */
final class SseReader implements AutoCloseable {
    record Event(String name, String data) {}

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    volatile int heartbeats;
    volatile int status;
    private final InputStream body;
    private final Thread thread;

    SseReader(int port, String token) throws Exception {
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        status = r.statusCode();
        body = r.body();
        thread = new Thread(this::read, "sse-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(":")) heartbeats++;
                else if (line.startsWith("event: ")) name = line.substring(7);
                else if (line.startsWith("data: ")) data.append(line.substring(6));
                else if (line.isEmpty() && name != null) {
                    events.add(new Event(name, data.toString()));
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (Exception e) {
            // stream closed
        }
        events.add(new Event("<end>", ""));
    }

    /** The next event matching, skipping others; fails after the timeout. */
    Event await(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        return Await.taken(events, e -> {
            if (wanted.test(e)) return true;
            if (e.name().equals("<end>")) throw new AssertionError("the stream ended before a matching event");
            return false;
        }, timeout, "a matching event");
    }

    Event await(String name, Duration timeout) throws InterruptedException {
        return await(e -> e.name().equals(name), timeout);
    }

    @Override
    public void close() throws Exception { body.close(); }
}
