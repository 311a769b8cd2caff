package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * How the CLI (and scripts written in Java) talk to a running daemon: finds it through the state
 * file, authenticates with the token file, and exchanges JSON.
 */
public final class DaemonClient {

    /** An answer: the HTTP status and the JSON body (an empty object when there was none). */
    public record Response(int status, JsonNode body) {
        public boolean ok() { return status >= 200 && status < 300; }

        /** "error (hint)" for a refused request. */
        public String errorText() {
            String error = body.path("error").asText("HTTP " + status);
            String hint = body.path("hint").asText("");
            return hint.isEmpty() ? error : error + " (" + hint + ")";
        }
    }

    private final int port;
    private final ApiToken token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public DaemonClient(int port, ApiToken token) {
        this.port = port;
        this.token = token;
    }

    /**
     * The running daemon, if there is one: its state file exists, its process is alive and its token
     * is readable. Does not contact it.
     */
    public static Optional<DaemonClient> find(DaemonFiles files) {
        Optional<DaemonState> state = DaemonState.read(files.stateFile()).filter(DaemonState::processAlive);
        if (state.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new DaemonClient(state.get().port(), ApiToken.read(files.tokenFile())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public int port() { return port; }

    ApiToken token() { return token; }

    /**
     * Subscribes to the daemon's event stream; {@code listener} is called on a reader thread for each
     * event, and once more with {@link DaemonEvents#END} when the stream ends. Close it to stop.
     */
    public DaemonEvents events(java.util.function.Consumer<DaemonEvents.Event> listener) throws IOException {
        return DaemonEvents.open(this, listener);
    }

    public URI uri(String path) { return URI.create("http://127.0.0.1:" + port + path); }

    public Response get(String path) throws IOException { return send(base(path).GET().build()); }

    public Response post(String path, String json) throws IOException {
        return send(base(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)).build());
    }

    public Response put(String path, String json) throws IOException {
        return send(base(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response delete(String path) throws IOException {
        return send(base(path).DELETE().build());
    }

    /** A GET whose body is returned as text (exports). */
    public HttpResponse<String> getText(String path) throws IOException {
        try {
            return http.send(base(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** {@code POST /stop}: returns once the daemon wrote the stop frame (or refused). */
    public Response emergencyStop() throws IOException { return post("/stop", ""); }

    private HttpRequest.Builder base(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token.value());
    }

    private Response send(HttpRequest request) throws IOException {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("the daemon on port " + port + " does not answer; is it still running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        JsonNode body = r.body().isBlank() ? Json.MAPPER.createObjectNode() : parse(r.body());
        return new Response(r.statusCode(), body);
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode().put("error", "not JSON: " + text);
        }
    }
}
