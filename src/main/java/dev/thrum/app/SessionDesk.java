package dev.thrum.app;

import dev.thrum.device.DeviceSession;
import dev.thrum.engine.Control;
import dev.thrum.engine.SessionReport;
import dev.thrum.engine.SessionView;
import dev.thrum.engine.pressure.PressureView;
import dev.thrum.store.ClientStore;
import dev.thrum.usage.PainScores;
import dev.thrum.program.SessionPlan;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The use case "control sessions on a device that stays connected" (the daemon's): one
 * {@link DeviceHub} for the desk's whole life and at most one {@link SessionRunner} at a time on
 * it, made by the {@link SessionService}. The emergency stop goes to the device's write queue
 * directly, so it works the same with or without a session. Thread-safe: controls arrive on many
 * threads. Refusals are exceptions the edge words in its own way (an HTTP 409 or 503).
 */
public final class SessionDesk implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SessionDesk.class.getName());

    /** Why a start was refused. */
    public enum Refusal {
        /** the desk is closing (the daemon is going down) */
        CLOSING,
        /** a session is running; {@link Refused#detail()} is its program id */
        BUSY,
        /** the device is not connected; {@link Refused#detail()} is its address */
        NO_LINK
    }

    /** A start the desk refused; nothing was started. */
    public static final class Refused extends IllegalStateException {
        private final Refusal reason;
        private final String detail;

        Refused(Refusal reason, String detail) {
            super(reason + (detail == null ? "" : ": " + detail));
            this.reason = reason;
            this.detail = detail;
        }

        public Refusal reason() { return reason; }

        public String detail() { return detail; }
    }

    /** A control sent while no session runs. */
    public static final class NothingRunning extends IllegalStateException {
        NothingRunning() { super("no session is running"); }
    }

    private final DeviceHub hub;
    private final SessionService service;
    private final ClientStore clients;
    private final Clock clock;
    private final Duration linkGrace;
    private final List<Consumer<RunnerEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile SessionRunner current;
    private volatile SessionReport last;
    private volatile String lastId;
    private volatile boolean closed;
    private volatile boolean stopConfirmed = true;

    /**
     * @param hub       a connected device
     * @param clock     session time, the same clock the simulator (if any) runs on
     * @param linkGrace how long a session's link may stay lost before it ends as link lost
     */
    public SessionDesk(DeviceHub hub, SessionService service, Clock clock, Duration linkGrace) {
        this.hub = hub;
        this.service = service;
        this.clients = service.clients();
        this.clock = clock;
        this.linkGrace = linkGrace;
    }

    public DeviceHub hub() { return hub; }

    public Clock clock() { return clock; }

    /** Every running session's events (engine events, problems, the end), after the desk has noted the end. */
    public void addListener(Consumer<RunnerEvent> listener) { listeners.add(listener); }

    public boolean sessionRunning() {
        SessionRunner r = current;
        return r != null && r.isRunning();
    }

    /** The plan of the running (or last) session. */
    public Optional<SessionPlan> plan() {
        SessionRunner r = current;
        return r == null ? Optional.empty() : Optional.of(r.plan());
    }

    public Optional<String> lastSessionId() { return Optional.ofNullable(lastId); }

    public Optional<SessionReport> lastReport() { return Optional.ofNullable(last); }

    public Optional<SessionView> view() {
        SessionRunner r = current;
        return r != null && r.isRunning() ? Optional.ofNullable(r.view()) : Optional.empty();
    }

    public Optional<PressureView> pressure() {
        SessionRunner r = current;
        return r != null && r.isRunning() ? Optional.ofNullable(r.pressure()) : Optional.empty();
    }

    /**
     * Starts a session; returns once its first view is out (or after 2 s), so a caller can answer with it.
     *
     * @throws Refused when closing, when a session runs, or when the device is not connected
     */
    public synchronized void start(SessionPlan plan, PainScores pain) {
        if (closed) throw new Refused(Refusal.CLOSING, null);
        if (sessionRunning()) throw new Refused(Refusal.BUSY, current.plan().programId());
        if (!hub.linkUp()) throw new Refused(Refusal.NO_LINK, hub.address());
        SessionRunner runner = service.runner(hub, plan, clients, clock, linkGrace, pain);
        runner.addListener(this::onRunnerEvent);
        current = runner;
        runner.start();
        awaitFirstView(runner);
    }

    // The runner publishes its first view within a tick; waiting for it lets a start answer with it.
    private static void awaitFirstView(SessionRunner runner) {
        try {
            runner.awaitFirstView(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // answer without the view; the session runs on
        }
    }

    /**
     * Applies a control and waits for the session thread to apply it (a tick at most, or the end of
     * the session for a stop), so the caller can answer with the state after it.
     *
     * @throws NothingRunning when no session runs
     */
    public void control(Control control) {
        SessionRunner r = current;
        if (r == null || !r.isRunning()) throw new NothingRunning();
        try {
            if (control == Control.STOP) {
                r.control(control);
                r.awaitEnd(Duration.ofSeconds(5));
            } else {
                r.control(control).get(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "the " + control + " control was not applied within 2 s; answering with the state as it is");
        }
    }

    /**
     * Stops the motor in any state, ahead of anything queued. Completes once the stop frame was
     * written; a running session ends as stopped by the user and is logged.
     */
    public CompletableFuture<Void> emergencyStop() {
        SessionRunner r = current;
        return r != null && r.isRunning() ? r.emergencyStop() : hub.session().stop();
    }

    /** Motor first (waiting for the stop frame), then the session is ended and logged, then the link closes. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        boolean written = true;
        try {
            hub.session().stop().get(DeviceSession.STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            written = false;
            LOG.log(System.Logger.Level.ERROR, "could not write stop on shutdown: " + e.getMessage()
                    + "; switch the massager off by hand");
        }
        boolean answering = hub.linkUp();
        if (written && !answering)
            LOG.log(System.Logger.Level.ERROR, "stop was sent on shutdown, but " + hub.address()
                    + " is not answering, so it is not confirmed; switch the massager off by hand");
        SessionRunner r = current;
        if (r != null) r.close();
        stopConfirmed = written && answering && (r == null || r.stopConfirmed());
        hub.close();
    }

    /**
     * After {@link #close()}: true only when the stop frame was written while the device was answering
     * (and a running session's own stop was confirmed).
     */
    public boolean stopConfirmed() { return stopConfirmed; }

    private void onRunnerEvent(RunnerEvent e) {
        if (e instanceof RunnerEvent.Ended end) {
            last = end.report();
            if (end.record() != null) lastId = end.record().id();
        }
        for (Consumer<RunnerEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "a session listener failed", ex);
            }
        }
    }
}
