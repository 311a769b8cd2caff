package dev.thrum.daemon;

import dev.thrum.daemon.web.LoginLinks;
import dev.thrum.daemon.web.WebAssets;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One running daemon: the session host (the connected massager), the local API on 127.0.0.1, the
 * event stream, the token and the state file that lets clients find it. {@link #close()} is the one
 * way down, used for SIGTERM/SIGINT and a lost device alike: the motor is stopped first, a running
 * session is ended and logged, then the API goes away.
 */
public final class Daemon implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Daemon.class.getName());

    /** What a daemon is made of; {@code routes} add the library and log endpoints. */
    public record Parts(DaemonSettings settings, DaemonFiles files, SessionHost host, SessionRequestPlanner planner,
                        List<Consumer<Router>> routes, Duration heartbeat, Duration linkGrace) {}

    private final Parts parts;
    private final ApiToken token;
    private final ApiServer server;
    private final EventHub events;
    private final LinkWatch linkWatch;
    private final ViewTicker viewTicker;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile String closeReason;

    private Daemon(Parts parts, Reservation reserved) {
        this.parts = parts;
        this.token = reserved.token;
        this.server = reserved.server;
        this.events = new EventHub(parts.heartbeat());
        Router router = new Router();
        SessionEndpoints sessions = new SessionEndpoints(parts.host(), parts.planner(), parts.settings().device(),
                DeviceText.of(parts.settings().device()), events);
        sessions.register(router);
        for (Consumer<Router> r : parts.routes()) r.accept(router);
        new WebRoutes(server.web(), new LoginLinks(Clock.systemUTC(), loginTtl()), new WebAssets(),
                parts.host(), parts.planner(), server.port()).register(router);
        this.linkWatch = new LinkWatch(parts.linkGrace(), () -> {
            closeReason = "the device " + parts.host().deviceDescription() + " stayed unreachable for " + parts.linkGrace().toSeconds() + " s";
            LOG.log(System.Logger.Level.ERROR, closeReason + "; stopping the daemon");
            close();
        });
        parts.host().addListener(events);
        parts.host().addListener(linkWatch);
        this.viewTicker = new ViewTicker(parts.host(), sessions::session, events);
        server.start(router);
    }

    /**
     * What a daemon claims before its device is connected: that no other daemon runs, the token and
     * the port. A daemon that could not serve anyone then fails before it touches the massager, and
     * the claim is made while the device profiles are still loading.
     */
    public static final class Reservation implements AutoCloseable {
        private final DaemonFiles files;
        private final ApiToken token;
        private final ApiServer server;
        private boolean used;

        private Reservation(DaemonFiles files, ApiToken token, ApiServer server) {
            this.files = files;
            this.token = token;
            this.server = server;
        }

        public int port() { return server.port(); }

        /**
         * Starts the API and writes the state file. The host must already be connected.
         *
         * @throws IOException when the state file cannot be written (the API is stopped again)
         */
        public Daemon start(Parts parts) throws IOException {
            if (used) throw new IllegalStateException("this reservation was already used");
            if (!parts.files().equals(files) || parts.settings().port() != 0 && parts.settings().port() != port())
                throw new IllegalArgumentException("the parts name other files or another port than the reservation");
            used = true;
            Daemon d = new Daemon(parts, this);
            try {
                new DaemonState(d.port(), ProcessHandle.current().pid(), Instant.now(), DeviceText.of(parts.settings().device()))
                        .writeTo(files.stateFile());
            } catch (IOException | RuntimeException e) {
                server.stop();
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "thrum daemon listening on http://127.0.0.1:" + d.port() + " for " + parts.host().deviceDescription());
            return d;
        }

        /** Gives the port back when the daemon did not start; does nothing after {@link #start}. */
        @Override
        public void close() {
            if (!used) server.stop();
        }
    }

    /**
     * Claims the port and the token, refusing when another daemon is running.
     *
     * @param port 0 for any free port
     * @throws IOException when another daemon runs, the port is taken or the token cannot be made
     */
    public static Reservation reserve(int port, DaemonFiles files) throws IOException {
        var running = DaemonState.read(files.stateFile())
                .filter(s -> s.pid() != ProcessHandle.current().pid() && s.processAlive());
        if (running.isPresent())
            throw new IOException("a thrum daemon is already running (pid " + running.get().pid() + ", port "
                    + running.get().port() + "); stop it first (systemctl --user stop thrum, or kill " + running.get().pid() + ")");
        ApiToken token = ApiToken.loadOrCreate(files.tokenFile());
        return new Reservation(files, token, new ApiServer(port, token));
    }

    /**
     * Reserves and starts in one step. The host must already be connected.
     *
     * @throws IOException when another daemon runs, the port is taken or the files cannot be written
     */
    public static Daemon start(Parts parts) throws IOException {
        Reservation r = reserve(parts.settings().port(), parts.files());
        try {
            return r.start(parts);
        } finally {
            r.close();
        }
    }

    /** How long a login link works: a minute, or less through {@code -Dthrum.web.loginTtlMs} (tests). */
    private static Duration loginTtl() {
        long ms = Long.getLong("thrum.web.loginTtlMs", LoginLinks.DEFAULT_TTL.toMillis());
        return Duration.ofMillis(Math.min(LoginLinks.DEFAULT_TTL.toMillis(), Math.max(1, ms)));
    }

    public int port() { return server.port(); }

    public InetSocketAddress address() { return server.address(); }

    public ApiToken token() { return token; }

    public SessionHost host() { return parts.host(); }

    EventHub events() { return events; }

    /** Waits until the daemon was closed (by a signal, a lost device or {@link #close()}). */
    public void awaitClosed() throws InterruptedException { closed.await(); }

    /** Like {@link #awaitClosed()}, giving up after the timeout; true when closed. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Why the daemon closed by itself (a lost device), or null. */
    public String closeReason() { return closeReason; }

    /**
     * After it closed: what is known about the motor, in words for the person. Never "stopped" when the
     * stop was not confirmed (not written, or written to a device that did not answer).
     */
    public String closeOutcome() {
        String stop = parts.host().stopConfirmed() ? "the motor was stopped"
                : "stop was sent but NOT confirmed (the massager did not answer): the motor may still be running,"
                + " switch it off by hand";
        return stop + "; a running session was ended and written to the usage log";
    }

    /** Motor stopped first, session ended and logged, then the API and the state file go. Safe to call twice. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            parts.host().close();
        } finally {
            linkWatch.close();
            viewTicker.close();
            events.close();
            server.stop();
            try {
                DaemonState.read(parts.files().stateFile())
                        .filter(s -> s.pid() == ProcessHandle.current().pid())
                        .ifPresent(s -> deleteQuietly());
            } finally {
                closed.countDown();
            }
        }
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(parts.files().stateFile());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove " + parts.files().stateFile() + ": " + e.getMessage());
        }
    }
}
