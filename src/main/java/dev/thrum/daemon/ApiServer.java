package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.thrum.daemon.web.WebAccess;
import dev.thrum.daemon.web.WebSessions;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the daemon: the JDK's built-in server on 127.0.0.1 only. Every request passes
 * the {@link RequestGuard} first, then goes to its route; errors become {@code {"error", "hint"}}
 * bodies. No CORS headers are ever sent, so browsers keep other pages' scripts out as well.
 */
final class ApiServer {
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();

    /**
     * At most this many requests are served at once (event streams included). The JDK server reads a
     * request's headers on the handler's thread, so without a bound every slow connection held a
     * thread (1,000 of them: about 1,019 threads, 360 MB). A connection that arrives when all are
     * busy is closed at once, and the client may try again.
     */
    static final int MAX_THREADS = 64;
    /** Seconds a client has to send a request's headers; a local client needs milliseconds. */
    static final int MAX_REQUEST_SECONDS = 5;
    /** Seconds a kept-alive connection may sit unused before the server closes it. */
    static final int IDLE_SECONDS = 30;

    static {
        // The JDK server reads these once, when its first instance is made; a value given on the
        // command line (-D) wins. Without TCP_NODELAY a small answer can wait ~40 ms for the
        // client's delayed ACK (Nagle).
        setDefault("sun.net.httpserver.nodelay", "true");
        setDefault("sun.net.httpserver.maxReqTime", String.valueOf(MAX_REQUEST_SECONDS));
        setDefault("sun.net.httpserver.idleInterval", String.valueOf(IDLE_SECONDS));
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestGuard guard;
    private final WebAccess web;
    /** Set once by {@link #start}; the server's threads exist only after that, so they see it. */
    private Router router;

    /**
     * Binds at once, so the port is known (and taken) before anything else starts; requests are
     * served from {@link #start} on.
     *
     * @param port 0 for any free port
     * @throws IOException naming the port when it is taken
     */
    ApiServer(int port, ApiToken token) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try {
            this.server = HttpServer.create(address, 64);
        } catch (java.net.BindException e) {
            throw new IOException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is another daemon running? Choose another port with --port or in config.json", e);
        }
        // a thread per request, never queued: event streams hold theirs for as long as they are
        // open, and an emergency stop must never wait behind another request. Bounded, so slow
        // connections cannot exhaust memory; the JDK closes a connection the executor refuses.
        this.executor = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "thrum-api-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.web = new WebAccess(new WebSessions(), server.getAddress().getPort());
        this.guard = new RequestGuard(token, server.getAddress().getPort(), web);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    int port() { return server.getAddress().getPort(); }

    /** The browser logins this server admits (the web app's routes make them). */
    WebAccess web() { return web; }

    InetSocketAddress address() { return server.getAddress(); }

    void start(Router routes) {
        if (router != null) throw new IllegalStateException("already started");
        router = routes;
        server.start();
    }

    void stop() {
        // The JDK server frees its socket only from its dispatcher thread, which start() makes; a
        // server stopped unstarted would keep the port until the JVM ends. No routes: nothing is served.
        if (router == null) start(new Router());
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            ApiResponse response;
            try {
                guard.check(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestHeaders());
                Router.Match match = router.find(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
                response = match.handler().handle(new ApiRequest(exchange, match.params()));
            } catch (ApiException e) {
                response = error(e.status(), e.getMessage(), e.hint());
                if (!e.problems().isEmpty()) {
                    var list = ((ObjectNode) ((ApiResponse.JsonBody) response).body()).putArray("problems");
                    e.problems().forEach(list::add);
                }
            } catch (Exception e) {
                LOG.log(System.Logger.Level.ERROR, "request " + exchange.getRequestURI() + " failed", e);
                response = error(500, "internal error while answering " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath(), "see the daemon's log; the motor is not affected");
            }
            send(exchange, response);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "could not answer " + exchange.getRequestURI() + ": " + e);
        } finally {
            exchange.close();
        }
    }

    static ApiResponse error(int status, String error, String hint) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("error", error);
        if (hint != null) body.put("hint", hint);
        return new ApiResponse.JsonBody(status, body);
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        if (response instanceof ApiResponse.Handled) return;
        int status;
        String type;
        byte[] bytes;
        if (response instanceof ApiResponse.JsonBody j) {
            status = j.status();
            type = "application/json; charset=utf-8";
            bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(j.body());
        } else {
            ApiResponse.Raw r = (ApiResponse.Raw) response;
            status = r.status();
            type = r.contentType();
            bytes = r.body();
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }
}
