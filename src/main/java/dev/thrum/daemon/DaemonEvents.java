package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A client's subscription to {@code GET /events}: reads the Server-Sent Events on its own thread and
 * hands each one to the listener (for a live view of a session the daemon runs). Ends when closed,
 * when the daemon goes away (the listener then gets an event named {@link #END}), or on shutdown.
 */
public final class DaemonEvents implements AutoCloseable {
    /** The name of the last event a listener gets, once the stream has ended. */
    public static final String END = "end";

    /** One event: its name ({@code started}, {@code stepStarted}, {@code status}...) and its JSON data. */
    public record Event(String name, JsonNode data) {}

    private final InputStream body;
    private final Thread reader;

    private DaemonEvents(InputStream body, Consumer<Event> listener) {
        this.body = body;
        this.reader = new Thread(() -> read(listener), "thrum-events");
        reader.setDaemon(true);
    }

    /** @throws IOException when the daemon refuses or does not answer */
    static DaemonEvents open(DaemonClient client, Consumer<Event> listener) throws IOException {
        HttpResponse<InputStream> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(client.uri("/events")).header("Authorization", "Bearer " + client.token().value())
                            .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (r.statusCode() != 200) {
            String text = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException("the daemon refused the event stream (HTTP " + r.statusCode() + "): " + text);
        }
        DaemonEvents events = new DaemonEvents(r.body(), listener);
        events.reader.start();
        return events;
    }

    private void read(Consumer<Event> listener) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("event: ")) name = line.substring(7);
                else if (line.startsWith("data: ")) data.append(line.substring(6));
                else if (line.isEmpty() && name != null) {
                    listener.accept(new Event(name, Json.MAPPER.readTree(data.toString())));
                    name = null;
                    data.setLength(0);
                }
                // comment lines (": heartbeat") and "retry:" carry nothing for the listener
            }
        } catch (IOException e) {
            // closed by us or by the daemon
        }
        listener.accept(new Event(END, Json.MAPPER.createObjectNode()));
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
