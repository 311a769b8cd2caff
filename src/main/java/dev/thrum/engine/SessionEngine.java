package dev.thrum.engine;

import dev.thrum.engine.pressure.PressureAdvice;
import dev.thrum.engine.pressure.PressureGuide;
import dev.thrum.engine.pressure.PressureSettings;
import dev.thrum.engine.pressure.PressureView;
import dev.thrum.pressure.ForceScale;
import dev.thrum.profile.OutputRange;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.SessionPlan;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.DeviceStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Runs one {@link SessionPlan} on one device range: fed the time and events, it decides what the
 * device must do. Pure: no threads, no I/O; time comes only from the injected {@link Clock}, so a
 * 20-minute program runs in milliseconds under a fake clock and faster than real time under a
 * scaled one. Not thread-safe: call it from one thread (the session loop).
 * <p>
 * This class is the front: it turns each input (a control, a status frame, a link change) into the
 * moves of {@link SessionRun}, which holds where the session is and makes them in time order. The
 * limits, envelopes and warning words are small classes of their own (see {@link SessionRun}).
 *
 * <h2>How to drive it</h2>
 * <ol>
 *   <li>{@link #start()} once, then {@link #tick()} often (every pacing gap is right). Each call
 *       returns the {@link DeviceCommand}s to send now, in order (possibly none).</li>
 *   <li>Pass user input to {@link #control(Control)}, device status frames to
 *       {@link #onStatus(DeviceStatus)}, and link changes to {@link #onLinkLost()} /
 *       {@link #onLinkRestored()}; send what they return.</li>
 *   <li>Take {@link #drainEvents()} after each call for the UI and the log; read {@link #view()}
 *       for a live display and {@link #report()} for the usage log (both as of the last call).</li>
 *   <li>Stop when {@link #finished()}. To end a session from outside (daemon shutdown, lost client,
 *       a link that never came back) call {@link #close()}.</li>
 * </ol>
 * Every call first catches up to the clock's time: step ends, warnings and limits that fell due
 * between calls are handled at the exact moment they fell due, so a late tick changes only when
 * commands go out, never the accounting.
 *
 * <h2>What it guarantees</h2>
 * <ul>
 *   <li>No {@code SetSpeed} above the step's effective cap as the device rounds it
 *       ({@code output.valueFor(cap)}); values always round down.</li>
 *   <li>The first {@code SetSpeed} after start, after a rest, after resume and after the link comes
 *       back is {@code output.lowestRunning()}; each active step ramps up from there along its
 *       curve, holds, and ramps down to it in its last seconds. Rests stop the motor.</li>
 *   <li>A running value changes at most once per {@code minGapMs} within a step.</li>
 *   <li>{@link Control#STOP} returns a {@code Stop} in every state, also before start and after the end.</li>
 *   <li>While the link is down no {@code SetSpeed} is returned (only a {@code Stop} from STOP or an ending).</li>
 * </ul>
 */
public final class SessionEngine {

    private final Clock clock;
    private final SessionRun run;
    private final long spinUpGraceMs;

    /** An engine with {@link EngineSettings#defaults()}. */
    public SessionEngine(SessionPlan plan, OutputRange output, int minGapMs, Clock clock) {
        this(plan, output, minGapMs, clock, EngineSettings.defaults());
    }

    /**
     * @param plan      the safe, expanded plan to run
     * @param output    the device's output range (from its profile)
     * @param minGapMs  the device's pacing gap: running values change at most this often
     * @param clock     the only source of time
     * @param settings  ramp-down, resume, battery and grace numbers
     */
    public SessionEngine(SessionPlan plan, OutputRange output, int minGapMs, Clock clock, EngineSettings settings) {
        this(plan, output, null, minGapMs, clock, settings, PressureSettings.DEFAULTS);
    }

    /**
     * @param force             what the device's force figure means (its profile's pressure section); null when
     *                          it reports none: pressure guidance is then in words only
     * @param pressureSettings  timing and margins of the pressure advice
     */
    public SessionEngine(SessionPlan plan, OutputRange output, ForceScale force, int minGapMs, Clock clock,
                         EngineSettings settings, PressureSettings pressureSettings) {
        if (minGapMs < 0) throw new IllegalArgumentException("minGapMs is negative: " + minGapMs);
        this.clock = clock;
        this.run = new SessionRun(plan, output, force, minGapMs, settings, pressureSettings);
        this.spinUpGraceMs = settings.spinUpGrace().toMillis();
    }

    // ---------------------------------------------------------------- the caller's entry points

    /** Starts the first step. Throws {@link IllegalStateException} if called twice (or after STOP/close). */
    public List<DeviceCommand> start() {
        if (run.state() != SessionState.NOT_STARTED) throw new IllegalStateException("the session was already started");
        run.start(clock.millis());
        return run.drainCommands();
    }

    /** Catches up to the clock: ramps, step changes, limits. Call it often (every pacing gap). */
    public List<DeviceCommand> tick() {
        run.advanceTo(clock.millis());
        return run.drainCommands();
    }

    /** Applies one user control. STOP always returns a Stop command. */
    public List<DeviceCommand> control(Control control) {
        long now = clock.millis();
        run.advanceTo(now);
        switch (control) {
            case STOP -> run.stopByUser(now);
            case PAUSE -> run.pause(PauseReason.USER);
            case RESUME -> run.resume();
            case SKIP -> skip();
            case PREVIOUS -> previous();
            case SOFTER -> run.adjust(EngineEvent.Direction.SOFTER);
            case HARDER -> run.adjust(EngineEvent.Direction.HARDER);
            case SKIP_COUNTDOWN -> run.endCountdown();
        }
        run.advanceTo(now);
        return run.drainCommands();
    }

    /**
     * A status frame from the device. Battery at or below the warning level warns once; below the
     * floor the engine ramps down and pauses. A "not running" report while the motor should run
     * (after the spin-up grace) pauses the session; a "running" report while the motor should be
     * stopped sends Stop again.
     */
    public List<DeviceCommand> onStatus(DeviceStatus status) {
        run.advanceTo(clock.millis());
        if (status.speed() != null) run.deviceReported(status.speed());
        if (status.battery() != null) onBattery(status.battery());
        if (status.force() != null) run.pressure().onReading(run.nowMs(), status.force());
        if (status.running() != null) onRunning(status.running());
        run.advanceTo(run.nowMs());
        return run.drainCommands();
    }

    /** The link went down: the session pauses and no running command is returned until it is back. */
    public List<DeviceCommand> onLinkLost() {
        run.advanceTo(clock.millis());
        if (!run.linkDown()) {
            run.linkChanged(false);
            if (run.state() == SessionState.RUNNING) {
                run.warn(WarningCode.LINK_LOST, WarningTexts.linkLost(run.currentStep()));
                run.pause(PauseReason.LINK_LOST);
            }
        }
        return run.drainCommands();
    }

    /**
     * The link is back. A session paused only because of the link resumes, ramping up from the lowest
     * running value; otherwise the engine sends Stop to be sure the motor is still.
     */
    public List<DeviceCommand> onLinkRestored() {
        run.advanceTo(clock.millis());
        if (run.linkDown()) {
            run.linkChanged(true);
            SessionState state = run.state();
            if (state == SessionState.PAUSED && run.pauseReason() == PauseReason.LINK_LOST) {
                run.resume();
            } else if (state == SessionState.PAUSED || state == SessionState.FINISHED) {
                run.send(run.quantiser().forceStop(run.nowMs()));
            }
            run.advanceTo(run.nowMs());
        }
        return run.drainCommands();
    }

    /**
     * Ends the session from outside, if it has not ended: outcome {@link Outcome#LINK_LOST} when the
     * link is down, else {@link Outcome#INTERRUPTED}. Always returns a Stop.
     */
    public List<DeviceCommand> close() {
        run.close(clock.millis());
        return run.drainCommands();
    }

    /** The events since the last drain, oldest first. */
    public List<EngineEvent> drainEvents() { return run.drainEvents(); }

    public boolean finished() { return run.state() == SessionState.FINISHED; }

    /** The outcome once finished, else null. */
    public Outcome outcome() { return run.outcome(); }

    /** What a live UI shows, as of the last call. */
    public SessionView view() {
        SessionState state = run.state();
        PlannedStep s = run.stepOrNull();
        long elapsed = run.stepElapsedMs(), duration = s == null ? 0 : s.duration().toMillis(), now = run.nowMs();
        double planned = (state == SessionState.RUNNING && s != null && !s.rest()) ? run.desired() : 0;
        GetReadyRule.Countdown countdown = run.countdown();
        return new SessionView(state, state == SessionState.PAUSED ? run.pauseReason() : null, run.linkDown(), run.phase(),
                run.stepIndex(), run.plan().steps().size(),
                s == null ? null : s.regionId(), s == null ? null : s.regionName(), s == null ? null : s.side(),
                s == null ? null : s.cue(), s != null && s.rest(),
                Duration.ofMillis(elapsed), Duration.ofMillis(Math.max(0, duration - elapsed)),
                s == null ? 0 : run.target(), s == null ? 0 : s.cap(), planned,
                run.quantiser().commandedValue(), run.quantiser().commandedFraction(),
                state != SessionState.NOT_STARTED ? run.progress() : 0,
                Duration.ofMillis(run.accounts().totalActiveMs()), Duration.ofMillis(run.accounts().totalPausedMs()),
                run.plan().plannedDuration(), run.battery().percent(), run.reportedValue(),
                countdown == null ? null : Duration.ofMillis(countdown.leftMs(now)),
                countdown == null ? null : countdown.kind());
    }

    /** Pressure for a live UI, as of the last call. */
    public PressureView pressureView() {
        PlannedStep s = run.stepOrNull();
        PressureGuide pressure = run.pressure();
        boolean guiding = run.state() == SessionState.RUNNING && s != null && !s.rest();
        return new PressureView(pressure.band(), pressure.maxBand(),
                guiding ? pressure.advice() : PressureAdvice.NO_READING,
                pressure.freshNewtons(run.nowMs()), guiding ? pressure.bandAt(run.stepElapsedMs()) : null, pressure.scale());
    }

    /** The account of the session so far (running: endedAt and outcome null), as of the last call. */
    public SessionReport report() { return run.report(); }

    // ---------------------------------------------------------------- inputs turned into moves

    private void onBattery(int percent) {
        String low = run.battery().onReading(percent);
        if (low != null) run.warn(WarningCode.BATTERY_LOW, low);
        if (run.battery().belowFloor() && run.state() == SessionState.RUNNING && !run.windingDown()) {
            run.warn(WarningCode.BATTERY_CRITICAL, WarningTexts.batteryTooLowToRun(percent, run.battery().floorPercent()));
            run.windDownAndPause(PauseReason.BATTERY_LOW);
        }
    }

    private void onRunning(boolean running) {
        Quantiser motor = run.quantiser();
        long now = run.nowMs();
        if (!running && run.state() == SessionState.RUNNING && motor.running() && now - motor.runningSince() >= spinUpGraceMs) {
            run.warn(WarningCode.DEVICE_STOPPED, WarningTexts.deviceStopped(run.currentStep()));
            run.pause(PauseReason.DEVICE_STOPPED);
        } else if (running && run.state() != SessionState.NOT_STARTED && motor.stopped()
                && now - motor.stoppedSince() >= spinUpGraceMs) {
            run.send(motor.forceStop(now)); // it should be still: say so again
        }
    }

    private void skip() {
        if (!run.underWay()) return;
        run.endStep(true);
        if (run.onLastStep()) {
            run.finish(Outcome.COMPLETED);
        } else {
            run.beginStep(run.stepIndex() + 1);
            run.emitDesired(true);
        }
    }

    private void previous() {
        if (!run.underWay()) return;
        run.endStep(false);
        run.beginStep(Math.max(0, run.stepIndex() - 1));
        run.emitDesired(true);
    }
}
