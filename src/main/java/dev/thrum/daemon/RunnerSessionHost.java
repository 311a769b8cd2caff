package dev.thrum.daemon;

import dev.thrum.app.DeviceHub;
import dev.thrum.app.RunnerEvent;
import dev.thrum.app.SessionDesk;
import dev.thrum.app.SessionService;
import dev.thrum.device.DeviceEvent;
import dev.thrum.engine.Control;
import dev.thrum.engine.SessionReport;
import dev.thrum.engine.SessionView;
import dev.thrum.engine.pressure.PressureView;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.RecentSessions;
import dev.thrum.program.SessionPlan;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The real {@link SessionHost}: the application's {@link SessionDesk} (one device kept connected for
 * the daemon's whole life, one session at a time, made by the {@link SessionService}) in the API's
 * words: its refusals become HTTP statuses, and the device's and the sessions' events the daemon's
 * {@link HostEvent}s.
 */
final class RunnerSessionHost implements SessionHost {
    private static final System.Logger LOG = System.getLogger(RunnerSessionHost.class.getName());

    private final SessionDesk desk;
    private final SessionService service;
    private final List<Consumer<HostEvent>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param hub   a connected device
     * @param clock session time, the same clock the simulator (if any) runs on
     * @param linkGrace how long a session's link may stay lost before it ends as link lost (the daemon's --link-grace)
     */
    RunnerSessionHost(DeviceHub hub, SessionService service, Clock clock, Duration linkGrace) {
        this.desk = new SessionDesk(hub, service, clock, linkGrace);
        this.service = service;
        hub.addListener(this::onDeviceEvent);
        desk.addListener(this::onRunnerEvent);
    }

    DeviceHub hub() { return desk.hub(); }

    @Override public String deviceDescription() { return desk.hub().address(); }

    @Override public boolean linkUp() { return desk.hub().linkUp(); }

    @Override public boolean sessionRunning() { return desk.sessionRunning(); }

    @Override public Optional<SessionPlan> plan() { return desk.plan(); }

    @Override
    public void start(SessionPlan plan) {
        start(plan, PainScores.NONE);
    }

    @Override
    public Optional<String> lastSessionId() { return desk.lastSessionId(); }

    @Override
    public void recordOutcome(String sessionId, PainScores pain) {
        try {
            service.recordOutcome(sessionId, pain, desk.clock().instant());
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage(),
                    "outcomes are taken for the last " + RecentSessions.WINDOW + " sessions; see GET /log for ids");
        } catch (java.io.IOException e) {
            throw new ApiException(500, "cannot write the usage log: " + e.getMessage(), "check the disk; nothing was saved");
        }
    }

    @Override
    public void start(SessionPlan plan, PainScores pain) {
        try {
            desk.start(plan, pain);
        } catch (SessionDesk.Refused r) {
            throw switch (r.reason()) {
                case CLOSING -> new ApiException(503, "the daemon is shutting down", "start the session after it restarted");
                case BUSY -> ApiException.conflict("a session is already running (" + r.detail() + ")",
                        "stop it with POST /session/stop, or wait until it ends");
                case NO_LINK -> new ApiException(503, "the device " + r.detail() + " is not connected",
                        "switch the massager on and bring it close; the daemon reconnects by itself");
            };
        }
    }

    @Override public Optional<PressureView> pressure() { return desk.pressure(); }

    @Override public Optional<SessionView> view() { return desk.view(); }

    @Override public Optional<SessionReport> lastReport() { return desk.lastReport(); }

    /** Answers once the control is applied (docs/api.md: the answer is the state after it). */
    @Override
    public void control(Control control) {
        try {
            desk.control(control);
        } catch (SessionDesk.NothingRunning e) {
            throw ApiException.conflict("no session is running", "start one with POST /sessions");
        }
    }

    @Override
    public CompletableFuture<Void> emergencyStop() {
        long t0 = System.nanoTime();
        CompletableFuture<Void> written = desk.emergencyStop();
        written.thenRun(() -> publish(new HostEvent.EmergencyStop((System.nanoTime() - t0) / 1e6, desk.clock().instant())));
        return written;
    }

    @Override public void addListener(Consumer<HostEvent> listener) { listeners.add(listener); }

    /** Motor first (waiting for the stop frame), then the session is ended and logged, then the link closes. */
    @Override
    public void close() { desk.close(); }

    @Override public boolean stopConfirmed() { return desk.stopConfirmed(); }

    private void onDeviceEvent(DeviceEvent e) {
        if (e instanceof DeviceEvent.StatusReceived s) publish(new HostEvent.Status(s.status(), s.at()));
        else if (e instanceof DeviceEvent.LinkLost l) publish(new HostEvent.Link(false, l.reason(), l.at()));
        else if (e instanceof DeviceEvent.LinkRestored l) publish(new HostEvent.Link(true, null, l.at()));
        else if (e instanceof DeviceEvent.WriteFailed f) publish(new HostEvent.Problem(
                "writing " + f.command().templateName() + " failed: " + f.reason(), f.at()));
    }

    private void onRunnerEvent(RunnerEvent e) {
        if (e instanceof RunnerEvent.Engine en) publish(new HostEvent.Engine(en.event()));
        else if (e instanceof RunnerEvent.Problem p) publish(new HostEvent.Problem(p.message(), desk.clock().instant()));
        else if (e instanceof RunnerEvent.Ended end)
            publish(new HostEvent.SessionEnded(end.report(), end.record() == null ? null : end.record().id()));
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
