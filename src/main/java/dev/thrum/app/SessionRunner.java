package dev.thrum.app;

import dev.thrum.store.IoReason;
import dev.thrum.device.DeviceEvent;
import dev.thrum.device.DeviceSession;
import dev.thrum.engine.Control;
import dev.thrum.engine.EngineEvent;
import dev.thrum.engine.EngineSettings;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.engine.SessionEngine;
import dev.thrum.engine.SessionReport;
import dev.thrum.engine.SessionView;
import dev.thrum.engine.pressure.PressureSettings;
import dev.thrum.engine.pressure.PressureView;
import dev.thrum.store.ClientStore;
import dev.thrum.usage.DeviceInfo;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.SessionHeader;
import dev.thrum.usage.SessionIds;
import dev.thrum.usage.SessionJournal;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import dev.thrum.program.SessionPlan;
import dev.thrum.protocol.DeviceCommand;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one session: the only place where the pure engine, the device and the usage log meet.
 * The engine lives on the runner's own thread; controls and device events are queued to it, so
 * the engine never sees two callers at once. Emergency stop does not wait for that thread: it goes
 * straight to the device's write queue, where stop jumps ahead of everything.
 *
 * <p>Why one class of about 370 lines: the runner thread's loop, the journal flushes and the
 * give-up-after-link-loss timer share the one thread and its state, and the order in which they
 * act (stop first, then record) is the safety argument; split, that order would be spread over
 * several classes and their locks.
 */
public final class SessionRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("thrum.runner");

    /**
     * A link that stays down this long (real time, whatever the session's speed) ends the session as
     * LINK_LOST; the same default as the daemon's {@code --link-grace}.
     */
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofSeconds(120);

    private final DeviceHub device;
    private final SessionPlan plan;
    private final UsageLog log;
    private final ClientStore clients;
    private final Clock clock;
    private final Duration tickEvery;
    private final Duration journalFlushEvery;
    private final Duration giveUpAfter;
    private final SessionEngine engine;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final List<Consumer<RunnerEvent>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Opens once the first view is out (or the session is over), for callers that answer with it. */
    private final CountDownLatch firstView = new CountDownLatch(1);
    private final Consumer<DeviceEvent> deviceListener = this::onDeviceEvent;
    private final Thread thread;

    private volatile SessionView view;
    private volatile PressureView pressure;
    private volatile SessionReport finalReport;
    private volatile SessionRecord finalRecord;
    private volatile boolean closeRequested;
    private volatile PainScores pain = PainScores.NONE;
    private volatile boolean stopConfirmed = true;
    private long linkDownSinceNanos = -1;

    /**
     * @param clients   where "softer" is remembered for the plan's client; null when run without one
     * @param clock     session time (a {@link ScaledClock} for --speedup)
     */
    public SessionRunner(DeviceHub device, SessionPlan plan, UsageLog log, ClientStore clients, Clock clock) {
        this(device, plan, log, clients, clock, DEFAULT_GIVE_UP_AFTER);
    }

    /** @param giveUpAfter how long (real time) the link may stay lost before the session ends as LINK_LOST */
    public SessionRunner(DeviceHub device, SessionPlan plan, UsageLog log, ClientStore clients, Clock clock,
                         Duration giveUpAfter) {
        this.device = device;
        this.plan = plan;
        this.log = log;
        this.clients = clients;
        this.clock = clock;
        double speed = clock instanceof ScaledClock s ? s.speedup() : 1;
        this.tickEvery = Duration.ofMillis(Math.max(5, Math.min(50, device.profile().pacing().minGapMs())));
        // The journal counts its flush interval in real time (System.nanoTime), whatever the session's
        // speed: a kill -9 then loses at most 2 real seconds, never 2 x speedup.
        this.journalFlushEvery = UsageLog.DEFAULT_FLUSH_EVERY;
        this.giveUpAfter = giveUpAfter;
        int gap = device.profile().pacing().minGapMs();
        this.engine = new SessionEngine(plan, device.profile().output(), device.profile().force(), gap, clock,
                settingsFor(device, speed), pressureSettingsFor(device, speed));
        this.thread = new Thread(this::loop, "thrum-session");
    }

    /**
     * The device answers in real time, whatever the session's speed: a "not running" status is only
     * believed after a grace that covers a status poll and a write gap, counted in real time.
     */
    static EngineSettings settingsFor(DeviceHub device, double speed) {
        EngineSettings d = EngineSettings.shipped();
        DeviceProfile.Pacing p = device.profile().pacing();
        long realGraceMs = Math.max(d.spinUpGrace().toMillis(), 2L * p.statusPollMs() + p.minGapMs());
        return d.withSpinUpGrace(Duration.ofMillis((long) (realGraceMs * speed)));
    }

    /**
     * A reading is stale after 3 s of session time, or after two and a half status intervals of the
     * device in real time when those are longer (a device polled once a second, run 4 times faster than
     * real time, reports only every 4 s of session time; its readings are not stale in between).
     */
    static PressureSettings pressureSettingsFor(DeviceHub device, double speed) {
        PressureSettings d = PressureSettings.DEFAULTS;
        long realStatusMs = Math.max(device.profile().pacing().statusPollMs(), 0);
        long staleMs = Math.max(d.staleMs(), (long) (realStatusMs * 2.5 * Math.max(1, speed)));
        return new PressureSettings(staleMs, d.dwellMs(), d.hysteresis(), d.warnAfterMs(), d.actAfterMs());
    }

    public void addListener(Consumer<RunnerEvent> listener) { listeners.add(listener); }

    public SessionPlan plan() { return plan; }

    /** Pain scores known before the start (asked, or given by a script); logged with the session. Call before {@link #start}. */
    public void setPain(PainScores scores) {
        this.pain = scores == null ? PainScores.NONE : scores;
    }

    public DeviceHub device() { return device; }

    /** Starts the session on its own thread. */
    public void start() {
        device.addListener(deviceListener);
        thread.start();
    }

    /** Queues a user control (pause, resume, skip, softer...); applied within one tick. */
    public CompletableFuture<Void> control(Control control) {
        CompletableFuture<Void> applied = new CompletableFuture<>();
        inbox.add(() -> {
            send(engine.control(control));
            view = engine.view();
            firstView.countDown();
            applied.complete(null);
        });
        return applied;
    }

    /**
     * Stops the motor now, in any state: the stop frame jumps the device's queue, and the returned
     * future completes once it was written. The session then ends as stopped by the user.
     */
    public CompletableFuture<Void> emergencyStop() {
        CompletableFuture<Void> written = device.session().stop();
        control(Control.STOP);
        return written;
    }

    /**
     * Waits until the session's first view is out or the session is over, at most {@code timeout}.
     * @return the view then, null if none came in time
     */
    public SessionView awaitFirstView(Duration timeout) throws InterruptedException {
        firstView.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return view;
    }

    /** The live view as of the last tick; null before the first. */
    public SessionView view() { return view; }

    /** Pressure guidance as of the last tick; null before the first. */
    public PressureView pressure() { return pressure; }

    public boolean isRunning() { return ended.getCount() > 0; }

    /** Waits for the end; returns the final report, or null when it did not end in time. */
    public SessionReport awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? finalReport : null;
    }

    public SessionReport awaitEnd() throws InterruptedException {
        ended.await();
        return finalReport;
    }

    /**
     * False when the last stop could not be confirmed: it failed to be written, or the device was not
     * answering when the session ended (the stop may never have reached it). The person must then be
     * told to switch the massager off by hand.
     */
    public boolean stopConfirmed() { return stopConfirmed; }

    /** The log record written at the end; null while running or when the log failed. */
    public SessionRecord record() { return finalRecord; }

    /**
     * Ends the session from outside (daemon shutdown, a lost client): the motor is stopped, the
     * session is logged as interrupted, and this returns once that is done (or after 5 s).
     */
    @Override
    public void close() {
        if (!isRunning()) return;
        closeRequested = true;
        try {
            device.session().stop().get(DeviceSession.STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stop on close failed: " + e.getMessage());
        }
        try {
            awaitEnd(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ the session thread

    private void loop() {
        SessionJournal journal = openJournal();
        try {
            if (!device.linkUp()) engine.onLinkLost();
            send(engine.start());
            publishEngine();
            while (!engine.finished()) {
                Runnable task;
                while ((task = inbox.poll()) != null) task.run();
                if (closeRequested) send(engine.close());
                send(engine.tick());
                giveUpOnLostLink();
                publishEngine();
                if (journal != null) journal.update(engine.report());
                if (!engine.finished()) sleep(tickEvery);
            }
            stopMotor();
        } catch (RuntimeException e) {
            // Whatever broke, the motor stops first.
            stopMotor();
            problem("the session stopped because of an internal error: " + e);
            LOG.log(System.Logger.Level.ERROR, "session loop failed", e);
            if (!engine.finished()) send(engine.close());
            publishEngine();
        } finally {
            device.removeListener(deviceListener);
            finish(journal);
        }
    }

    private SessionJournal openJournal() {
        String id = SessionIds.next(clock.instant());
        SessionHeader header = new SessionHeader(id, plan.clientName(), plan.programId(), plan.programName(),
                new DeviceInfo(device.profile().id(), device.address()), pain, plan.clientId());
        try {
            return log.openJournal(header, clock, journalFlushEvery);
        } catch (IOException | RuntimeException e) {
            problem("cannot write the usage log in " + log.dataDir() + " (" + IoReason.of(e)
                    + "); the session runs but will not be logged");
            return null;
        }
    }

    private void finish(SessionJournal journal) {
        SessionReport report = engine.report();
        finalReport = report;
        if (journal != null) {
            try {
                finalRecord = journal.complete(report);
            } catch (IOException | RuntimeException e) {
                problem("could not add the session to the usage log: " + IoReason.of(e)
                        + " (its journal is kept and will be recovered on the next start)");
            }
        }
        view = engine.view();
        pressure = engine.pressureView();
        publish(new RunnerEvent.Ended(report, finalRecord));
        ended.countDown();
        firstView.countDown();
    }

    private void onDeviceEvent(DeviceEvent event) {
        publish(new RunnerEvent.Device(event));
        if (event instanceof DeviceEvent.StatusReceived s) {
            inbox.add(() -> send(engine.onStatus(s.status())));
        } else if (event instanceof DeviceEvent.LinkLost lost) {
            problem("lost the link to " + device.address() + " (" + lost.reason() + "). Thrum keeps sending stop every "
                    + device.session().holdStillEveryMs() + " ms until the massager answers. If the motor is still running,"
                    + " switch it off by hand. The session ends if the link stays lost for " + giveUpAfter.toSeconds() + " s.");
            inbox.add(() -> send(engine.onLinkLost()));
        } else if (event instanceof DeviceEvent.LinkRestored) {
            inbox.add(() -> send(engine.onLinkRestored()));
        } else if (event instanceof DeviceEvent.WriteFailed f && f.command() instanceof DeviceCommand.Stop) {
            problem("the stop command could not be written: " + f.reason() + ". Switch the massager off by hand.");
        }
    }

    // Counted in real time: the device answers in real time, whatever the session's --speedup.
    private void giveUpOnLostLink() {
        if (engine.finished()) return;
        if (!engine.view().linkDown()) {
            linkDownSinceNanos = -1;
            return;
        }
        long now = System.nanoTime();
        if (linkDownSinceNanos < 0) linkDownSinceNanos = now;
        if (now - linkDownSinceNanos >= giveUpAfter.toNanos()) {
            problem("the link to " + device.address() + " stayed lost for " + giveUpAfter.toSeconds()
                    + " s; ending the session as link lost");
            send(engine.close());
        }
    }

    private void send(List<DeviceCommand> commands) {
        DeviceSession session = device.session();
        for (DeviceCommand c : commands) {
            if (c instanceof DeviceCommand.Stop) session.stop();
            else session.send(c);
        }
    }

    private void stopMotor() {
        try {
            device.session().stop().get(DeviceSession.STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            stopConfirmed = false;
            problem("could not confirm the motor stopped: " + e.getMessage() + ". Switch the massager off by hand.");
            return;
        }
        if (!device.linkUp()) {
            // written, but to a device that does not answer: it may never have arrived
            stopConfirmed = false;
            problem("stop was sent to " + device.address() + ", but the massager is not answering, so Thrum cannot"
                    + " confirm the motor stopped. It may still be running: switch it off by hand.");
        }
    }

    private void publishEngine() {
        for (EngineEvent e : engine.drainEvents()) {
            if (e instanceof EngineEvent.Adjusted a) rememberSofter(a);
            publish(new RunnerEvent.Engine(e));
        }
        view = engine.view();
        pressure = engine.pressureView();
        firstView.countDown();
    }

    // Softer is remembered for that region and client, so the next session starts there.
    private void rememberSofter(EngineEvent.Adjusted a) {
        if (clients == null || a.direction() != EngineEvent.Direction.SOFTER || plan.clientName() == null) return;
        try {
            clients.find(plan.clientName()).ifPresent(c -> clients.rememberSofter(c.id(), a.regionId(), a.newTarget()));
        } catch (RuntimeException e) {
            problem("could not remember 'softer' for " + a.regionId() + ": " + e.getMessage());
        }
    }

    private void problem(String message) {
        publish(new RunnerEvent.Problem(message));
    }

    private void publish(RunnerEvent event) {
        for (Consumer<RunnerEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "runner listener failed", e);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
