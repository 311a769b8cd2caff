package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fans host events out to every open {@code GET /events} stream (Server-Sent Events). Each stream
 * has its own bounded queue, written by the request's own thread, so a slow or vanished client never
 * holds up the session: when its queue overflows it is dropped. A comment line goes out when nothing
 * happened for a heartbeat interval, which keeps proxies quiet and finds closed connections.
 */
final class EventHub implements Consumer<HostEvent> {
    private static final System.Logger LOG = System.getLogger(EventHub.class.getName());
    static final int QUEUE = 1024;
    private static final String CLOSE = "\u0000close";

    private final Duration heartbeat;
    private final List<BlockingQueue<String>> streams = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    EventHub(Duration heartbeat) { this.heartbeat = heartbeat; }

    @Override
    public void accept(HostEvent event) {
        ObjectNode data = Json.MAPPER.valueToTree(event instanceof HostEvent.Engine e ? e.event() : event);
        publish(event.name(), data);
    }

    /** Sends one event to every stream. Never blocks. */
    void publish(String name, ObjectNode data) {
        String frame = frame(name, data);
        for (BlockingQueue<String> q : streams) {
            if (!q.offer(frame)) {
                streams.remove(q); // too slow to keep up: its writer ends, the client reconnects
                q.clear();
                q.offer(CLOSE);
            }
        }
    }

    int streamCount() { return streams.size(); }

    /** Serves one stream until the client goes away or the hub closes; runs on the request's thread. */
    void serve(HttpExchange exchange, String firstName, ObjectNode firstData) throws IOException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
        queue.offer(frame(firstName, firstData));
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        streams.add(queue);
        try (OutputStream out = exchange.getResponseBody()) {
            write(out, "retry: 2000\n\n");
            while (!closed) {
                String next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (next == CLOSE) break;
                write(out, next == null ? ": heartbeat\n\n" : next);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "event stream closed by the client: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(queue);
            exchange.close();
        }
    }

    /** Ends every stream (daemon shutdown). */
    void close() {
        closed = true;
        for (BlockingQueue<String> q : streams) {
            q.clear();
            q.offer(CLOSE);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String frame(String name, ObjectNode data) {
        return "event: " + name + "\ndata: " + data.toString() + "\n\n";
    }
}
