package dev.thrum.daemon;

import dev.thrum.app.DeviceHub;
import dev.thrum.app.RunnerEvent;
import dev.thrum.app.SessionRunner;
import dev.thrum.app.SessionService;
import dev.thrum.device.DeviceEvent;
import dev.thrum.device.DeviceSession;
import dev.thrum.engine.Control;
import dev.thrum.engine.SessionReport;
import dev.thrum.engine.SessionView;
import dev.thrum.engine.pressure.PressureView;
import dev.thrum.files.ClientStore;
import dev.thrum.log.PainScores;
import dev.thrum.log.RecentSessions;
import dev.thrum.program.SessionPlan;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real {@link SessionHost}: one {@link DeviceHub} kept connected for the daemon's whole life,
 * and a {@link SessionRunner} per session on top of it, made by the {@link SessionService} (the runner
 * owns the engine, the journal and the usage log). This class adds what the API needs around them:
 * one session at a time, answers as HTTP statuses, and the device's events as the daemon's. The emergency stop goes to the device's write queue directly, so it works the
 * same with or without a session.
 */
final class RunnerSessionHost implements SessionHost {
    private static final System.Logger LOG = System.getLogger(RunnerSessionHost.class.getName());

    private final DeviceHub hub;
    private final SessionService service;
    private final ClientStore clients;
    private final Clock clock;
    private final Duration linkGrace;
    private final List<Consumer<HostEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile SessionRunner current;
    private volatile SessionReport last;
    private volatile String lastId;
    private volatile boolean closed;
    private volatile boolean stopConfirmed = true;

    /**
     * @param hub   a connected device
     * @param clock session time, the same clock the simulator (if any) runs on
     * @param linkGrace how long a session's link may stay lost before it ends as link lost (the daemon's --link-grace)
     */
    RunnerSessionHost(DeviceHub hub, SessionService service, Clock clock, Duration linkGrace) {
        this.hub = hub;
        this.linkGrace = linkGrace;
        this.service = service;
        this.clients = service.clients();
        this.clock = clock;
        hub.addListener(this::onDeviceEvent);
    }

    DeviceHub hub() { return hub; }

    @Override public String deviceDescription() { return hub.address(); }

    @Override public boolean linkUp() { return hub.linkUp(); }

    @Override public boolean sessionRunning() {
        SessionRunner r = current;
        return r != null && r.isRunning();
    }

    @Override public Optional<SessionPlan> plan() {
        SessionRunner r = current;
        return r == null ? Optional.empty() : Optional.of(r.plan());
    }

    @Override
    public void start(SessionPlan plan) {
        start(plan, PainScores.NONE);
    }

    @Override
    public Optional<String> lastSessionId() { return Optional.ofNullable(lastId); }

    @Override
    public void recordOutcome(String sessionId, PainScores pain) {
        try {
            service.recordOutcome(sessionId, pain, clock.instant());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage(),
                    "outcomes are taken for the last " + RecentSessions.WINDOW + " sessions; see GET /log for ids");
        } catch (java.io.IOException e) {
            throw new ApiException(500, "cannot write the usage log: " + e.getMessage(), "check the disk; nothing was saved");
        }
    }

    @Override
    public synchronized void start(SessionPlan plan, PainScores pain) {
        if (closed) throw new ApiException(503, "the daemon is shutting down", "start the session after it restarted");
        if (sessionRunning())
            throw ApiException.conflict("a session is already running (" + current.plan().programId() + ")",
                    "stop it with POST /session/stop, or wait until it ends");
        if (!hub.linkUp())
            throw new ApiException(503, "the device " + hub.address() + " is not connected",
                    "switch the massager on and bring it close; the daemon reconnects by itself");
        SessionRunner runner = service.runner(hub, plan, clients, clock, linkGrace, pain);
        runner.addListener(this::onRunnerEvent);
        current = runner;
        runner.start();
        awaitFirstView(runner);
    }

    // The runner publishes its first view within a tick; waiting for it lets POST /sessions answer with it.
    private static void awaitFirstView(SessionRunner runner) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (runner.view() == null && runner.isRunning() && System.nanoTime() < end) Thread.onSpinWait();
    }

    @Override
    public Optional<PressureView> pressure() {
        SessionRunner r = current;
        return r != null && r.isRunning() ? Optional.ofNullable(r.pressure()) : Optional.empty();
    }

    @Override
    public Optional<SessionView> view() {
        SessionRunner r = current;
        return r != null && r.isRunning() ? Optional.ofNullable(r.view()) : Optional.empty();
    }

    @Override public Optional<SessionReport> lastReport() { return Optional.ofNullable(last); }

    @Override
    public void control(Control control) {
        SessionRunner r = current;
        if (r == null || !r.isRunning())
            throw ApiException.conflict("no session is running", "start one with POST /sessions");
        // the API answers with the state after the control (docs/api.md), so wait for the session
        // thread to apply it: a tick at most, or the end of the session for a stop
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

    @Override
    public CompletableFuture<Void> emergencyStop() {
        long t0 = System.nanoTime();
        SessionRunner r = current;
        CompletableFuture<Void> written = r != null && r.isRunning() ? r.emergencyStop() : hub.session().stop();
        written.thenRun(() -> publish(new HostEvent.EmergencyStop((System.nanoTime() - t0) / 1e6, clock.instant())));
        return written;
    }

    @Override public void addListener(Consumer<HostEvent> listener) { listeners.add(listener); }

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

    @Override public boolean stopConfirmed() { return stopConfirmed; }

    private void onDeviceEvent(DeviceEvent e) {
        if (e instanceof DeviceEvent.StatusReceived s) publish(new HostEvent.Status(s.status(), s.at()));
        else if (e instanceof DeviceEvent.LinkLost l) publish(new HostEvent.Link(false, l.reason(), l.at()));
        else if (e instanceof DeviceEvent.LinkRestored l) publish(new HostEvent.Link(true, null, l.at()));
        else if (e instanceof DeviceEvent.WriteFailed f) publish(new HostEvent.Problem(
                "writing " + f.command().templateName() + " failed: " + f.reason(), f.at()));
    }

    private void onRunnerEvent(RunnerEvent e) {
        if (e instanceof RunnerEvent.Engine en) publish(new HostEvent.Engine(en.event()));
        else if (e instanceof RunnerEvent.Problem p) publish(new HostEvent.Problem(p.message(), clock.instant()));
        else if (e instanceof RunnerEvent.Ended end) {
            last = end.report();
            if (end.record() != null) lastId = end.record().id();
            publish(new HostEvent.SessionEnded(end.report(), end.record() == null ? null : end.record().id()));
        }
        // RunnerEvent.Device repeats what the hub already told us directly
    }

    private void publish(HostEvent event) {
        for (Consumer<HostEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "a host listener failed", ex);
            }
        }
    }
}
