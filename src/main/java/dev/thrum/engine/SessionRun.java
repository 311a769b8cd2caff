package dev.thrum.engine;

import dev.thrum.engine.pressure.OverPressureWatch;
import dev.thrum.engine.pressure.PressureGuide;
import dev.thrum.engine.pressure.PressureSettings;
import dev.thrum.pressure.ForceScale;
import dev.thrum.profile.OutputRange;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.SessionPlan;
import dev.thrum.protocol.DeviceCommand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a running session is and what its motor is told: the session state, the step and its time,
 * the accounting, and the moves (begin and end a step, pause, resume, finish, wind down) that keep
 * {@link SessionEngine}'s guarantees. {@link SessionEngine} turns the caller's inputs (controls,
 * device status, link changes) into these moves; this class makes them, in time order.
 * Not thread-safe, like the engine.
 * <p>
 * Why one class (and a long one): every move reads and changes the same few fields at the same
 * moment and in a fixed order (step time, ramps, pauses, the link, limits, countdowns), and that
 * order is the safety argument: catching up to the clock ({@link #advanceTo}) must see exactly the
 * state the last move left. What stands alone is apart: the limits ({@link BatteryWatch},
 * {@link SessionCeiling}, {@link RegionTimeLimit}), the envelopes ({@link RampProfile},
 * {@link ResumeRamp}, {@link WindDown}), {@link Quantiser}, {@link IntensityStepper},
 * {@link ReportBuilder}, {@link GetReadyRule}, {@link WarningTexts} and pressure's {@link PressureGuide}.
 */
final class SessionRun {

    private final SessionPlan plan;
    private final EngineSettings settings;
    private final RampProfile ramp;
    private final Quantiser quantiser;
    private final IntensityStepper stepper;
    private final ReportBuilder report;
    private final PressureGuide pressure;
    private final BatteryWatch battery;
    private final SessionCeiling ceiling;
    private final RegionTimeLimit regionTime;
    private final ResumeRamp resumeRamp;
    private final double[] targets;
    private final List<EngineEvent> events = new ArrayList<>();
    private final List<DeviceCommand> outbox = new ArrayList<>();

    private SessionState state = SessionState.NOT_STARTED;
    private PauseReason pauseReason;
    private boolean linkDown;
    private int stepIndex;
    private boolean stepOpen;
    private long stepElapsedMs;
    private long visitStartActiveMs;
    private WindDown windDown;
    /** The running value the device last reported, or null. */
    private Integer reportedValue;
    private long startedAtMs;
    private long nowMs;
    private long endedAtMs;
    private Outcome outcome;
    private final GetReadyRule getReady = new GetReadyRule();
    /** The get-ready countdown in progress (motor still, step time held), or null. */
    private GetReadyRule.Countdown countdown;

    SessionRun(SessionPlan plan, OutputRange output, ForceScale force, int minGapMs, EngineSettings settings,
               PressureSettings pressureSettings) {
        this.plan = plan;
        this.settings = settings;
        this.ramp = new RampProfile(settings);
        this.quantiser = new Quantiser(output, minGapMs);
        this.stepper = new IntensityStepper(output, settings.continuousAdjustStep());
        this.report = new ReportBuilder(plan);
        this.pressure = new PressureGuide(force, pressureSettings);
        this.battery = new BatteryWatch(settings);
        this.ceiling = new SessionCeiling(plan.sessionCeiling(), settings.windDown());
        this.regionTime = new RegionTimeLimit(plan.steps());
        this.resumeRamp = new ResumeRamp(settings);
        this.targets = plan.steps().stream().mapToDouble(PlannedStep::target).toArray();
    }

    // ---------------------------------------------------------------- where the session is

    SessionState state() { return state; }
    PauseReason pauseReason() { return pauseReason; }
    boolean linkDown() { return linkDown; }
    long nowMs() { return nowMs; }
    Outcome outcome() { return outcome; }
    Quantiser quantiser() { return quantiser; }
    BatteryWatch battery() { return battery; }
    PressureGuide pressure() { return pressure; }
    PlannedStep currentStep() { return plan.steps().get(stepIndex); }
    /** The current step, or null for a plan without steps. */
    PlannedStep stepOrNull() { return plan.steps().isEmpty() ? null : currentStep(); }
    SessionPlan plan() { return plan; }
    long stepElapsedMs() { return stepElapsedMs; }
    double target() { return targets[stepIndex]; }
    ReportBuilder accounts() { return report; }
    GetReadyRule.Countdown countdown() { return countdown; }
    int stepIndex() { return stepIndex; }
    Integer reportedValue() { return reportedValue; }
    void deviceReported(int value) { reportedValue = value; }
    boolean onLastStep() { return stepIndex + 1 >= plan.steps().size(); }

    /** Running or paused: a step is under way. */
    boolean underWay() { return state == SessionState.RUNNING || state == SessionState.PAUSED; }

    /** A wind-down (battery, pressure, ceiling) is in progress. */
    boolean windingDown() { return windDown != null; }

    // ---------------------------------------------------------------- moves

    /** Starts the first step at {@code now} (the engine checked it was not started). */
    void start(long now) {
        startedAtMs = now;
        nowMs = now;
        state = SessionState.RUNNING;
        events.add(new EngineEvent.Started(at(now), plan.programId(), plan.programName(), plan.clientName(),
                plan.steps().size(), plan.plannedDuration()));
        if (plan.steps().isEmpty()) {
            finish(Outcome.COMPLETED);
            return;
        }
        beginStep(0);
        if (linkDown) {
            pause(PauseReason.LINK_LOST);
        } else if (battery.belowFloor()) {
            warn(WarningCode.BATTERY_CRITICAL, WarningTexts.batteryTooLowToStart(battery.percent(), battery.floorPercent()));
            pause(PauseReason.BATTERY_LOW);
        } else {
            emitDesired(true);
        }
        advanceTo(now);
    }

    /** Ends the session from outside (see {@link SessionEngine#close()}). */
    void close(long now) {
        advanceTo(now);
        if (state == SessionState.NOT_STARTED) startedAtMs = nowMs = now;
        if (state != SessionState.FINISHED) {
            finish(linkDown ? Outcome.LINK_LOST : Outcome.INTERRUPTED);
        } else {
            send(quantiser.forceStop(nowMs));
        }
    }

    /** The link changed: recorded, and while it is down the motor's last value is unknown. */
    void linkChanged(boolean up) {
        linkDown = !up;
        events.add(new EngineEvent.LinkChanged(at(nowMs), up));
        if (!up) quantiser.forget();
    }

    /** Winds the motor down over the wind-down time, then pauses for {@code reason}. */
    void windDownAndPause(PauseReason reason) {
        windDown = new WindDown(report.totalActiveMs(), desired(), windDownMs(), reason);
    }

    // ---------------------------------------------------------------- what the caller reads

    SessionReport report() {
        boolean open = stepOpen && state != SessionState.FINISHED && !plan.steps().isEmpty() && !currentStep().rest();
        return report.build(state == SessionState.NOT_STARTED ? null : at(startedAtMs),
                state == SessionState.FINISHED ? at(endedAtMs) : null, outcome,
                open ? stepIndex : -1, open ? pressure.stepStats() : null);
    }

    // ---------------------------------------------------------------- time

    /** Accounts time up to {@code now}, handling everything that falls due on the way, in order. */
    void advanceTo(long now) {
        if (state == SessionState.NOT_STARTED || state == SessionState.FINISHED) return;
        long target = Math.max(now, nowMs); // a clock that steps back is held, never obeyed
        while (state == SessionState.RUNNING) {
            long due = nextDueWallMs();
            if (due > target) break;
            accountTo(due);
            handleDue();
            emitDesired(false);
        }
        accountTo(target);
        emitDesired(false);
        guidePressure();
    }

    /** Advice and the too-much-pressure watch, while the motor runs for a step (not while it winds down). */
    private void guidePressure() {
        if (state != SessionState.RUNNING || currentStep().rest() || windDown != null) return;
        PressureGuide.Update u = pressure.evaluate(nowMs, stepElapsedMs);
        PlannedStep s = currentStep();
        if (u.adviceChanged()) {
            events.add(new EngineEvent.PressureAdvised(at(nowMs), stepIndex, s.regionId(), pressure.band(), u.advice(),
                    pressure.freshNewtons(nowMs), pressure.bandAt(stepElapsedMs)));
        }
        if (u.verdict() == OverPressureWatch.Verdict.WARN) {
            warn(WarningCode.PRESSURE_HIGH, WarningTexts.pressureHigh(s, pressure.maxBand()));
        } else if (u.verdict() == OverPressureWatch.Verdict.ACT) {
            warn(WarningCode.PRESSURE_PAUSE, WarningTexts.pressurePause(s));
            windDownAndPause(PauseReason.PRESSURE);
        }
    }

    private void accountTo(long t) {
        long dt = t - nowMs;
        if (dt <= 0) return;
        if (state == SessionState.RUNNING && countdown != null) {
            report.paused(dt); // motor still, step time held: waiting for the person, not treatment
        } else if (state == SessionState.RUNNING && currentStep().rest()) {
            report.rest(stepIndex, dt);
            stepElapsedMs += dt;
        } else if (state == SessionState.RUNNING) {
            report.active(stepIndex, dt, quantiser.commandedFraction());
            stepElapsedMs += dt;
            regionTime.ran(dt);
        } else if (state == SessionState.PAUSED) {
            report.paused(dt);
        }
        nowMs = t;
    }

    /** The earliest wall time at which something falls due while running. */
    private long nextDueWallMs() {
        if (countdown != null) return countdown.endsAtMs();
        long active = report.totalActiveMs();
        PlannedStep s = currentStep();
        long due = active + (s.duration().toMillis() - stepElapsedMs);
        if (windDown != null) due = Math.min(due, windDown.endsAtActiveMs());
        if (ceilingDue()) due = Math.min(due, Math.max(active, ceiling.windDownStartMs()));
        if (regionTime.pending(s)) due = Math.min(due, active + regionTime.msLeft(s));
        return nowMs + Math.max(0, due - active);
    }

    private void handleDue() {
        if (countdown != null) {
            if (nowMs >= countdown.endsAtMs()) endCountdown();
            return;
        }
        long active = report.totalActiveMs();
        if (windDown != null && active >= windDown.endsAtActiveMs()) {
            WindDown done = windDown;
            windDown = null;
            if (done.finishes()) finish(Outcome.STOPPED_BY_LIMIT);
            else pause(done.pauseAfter());
            return;
        }
        if (ceilingDue() && active >= ceiling.windDownStartMs()) {
            startCeilingWindDown(active);
            if (state != SessionState.RUNNING) return;
        }
        String regionWarning = regionTime.check(stepIndex, stepElapsedMs);
        if (regionWarning != null) warn(WarningCode.REGION_TIME_LIMIT, regionWarning);
        if (stepElapsedMs >= currentStep().duration().toMillis()) {
            endStep(false);
            if (onLastStep()) {
                finish(Outcome.COMPLETED);
            } else {
                beginStep(stepIndex + 1);
                emitDesired(true);
            }
        }
    }

    // ---------------------------------------------------------------- limits

    private long windDownMs() { return settings.windDown().toMillis(); }

    /** The ceiling matters unless the session already winds down to finish. */
    private boolean ceilingDue() {
        if (windDown != null && windDown.finishes()) return false;
        return ceiling.exceededBy(report.totalActiveMs(), PlanTime.remainingMs(plan, stepIndex, stepElapsedMs));
    }

    private void startCeilingWindDown(long active) {
        String warning = ceiling.warnOnce();
        if (warning != null) warn(WarningCode.SESSION_CEILING, warning);
        long length = ceiling.windDownMs(active);
        if (length == 0) finish(Outcome.STOPPED_BY_LIMIT);
        else windDown = new WindDown(active, desired(), length, null);
    }

    // ---------------------------------------------------------------- controls

    void stopByUser(long now) {
        if (state == SessionState.NOT_STARTED) startedAtMs = nowMs = now;
        if (state == SessionState.FINISHED) send(quantiser.forceStop(nowMs));
        else finish(Outcome.STOPPED_BY_USER);
    }

    void pause(PauseReason reason) {
        if (state == SessionState.PAUSED) {
            if (reason == PauseReason.USER) pauseReason = PauseReason.USER; // the user's pause outlasts a link return
            return;
        }
        if (state != SessionState.RUNNING) return;
        state = SessionState.PAUSED;
        pauseReason = reason;
        resumeRamp.clear();
        countdown = null; // a resume ramps up from low anyway; the person asked for it
        windDown = null; // a ceiling wind-down starts again (shorter) on resume
        if (linkDown) quantiser.forget();
        else send(quantiser.forceStop(nowMs));
        if (!reason.askedFor()) report.interruption();
        pressure.pause();
        events.add(new EngineEvent.Paused(at(nowMs), reason));
    }

    void resume() {
        if (state != SessionState.PAUSED) return;
        if (linkDown) {
            warn(WarningCode.RESUME_REFUSED, WarningTexts.resumeRefusedLinkDown());
            return;
        }
        if (battery.belowFloor()) {
            warn(WarningCode.RESUME_REFUSED, WarningTexts.resumeRefusedBattery(battery.percent()));
            return;
        }
        state = SessionState.RUNNING;
        pauseReason = null;
        resumeRamp.start(stepElapsedMs);
        pressure.resume(stepElapsedMs);
        events.add(new EngineEvent.Resumed(at(nowMs)));
        emitDesired(true);
    }

    void adjust(EngineEvent.Direction direction) {
        if (!underWay()) return;
        PlannedStep s = currentStep();
        if (s.rest()) return;
        double before = targets[stepIndex];
        double after;
        boolean limited;
        if (direction == EngineEvent.Direction.SOFTER) {
            after = stepper.softer(before);
            limited = after <= 1e-12;
            report.softer(stepIndex);
        } else {
            after = stepper.harder(before, s.cap());
            limited = after >= s.cap() - 1e-12;
            report.harder(stepIndex);
        }
        targets[stepIndex] = after;
        events.add(new EngineEvent.Adjusted(at(nowMs), direction, stepIndex, s.regionId(), s.side(),
                plan.clientName(), after, limited));
        emitDesired(false);
    }

    // ---------------------------------------------------------------- steps and output

    void beginStep(int index) {
        stepIndex = index;
        stepElapsedMs = 0;
        resumeRamp.clear();
        stepOpen = true;
        visitStartActiveMs = report.totalActiveMs();
        PlannedStep s = currentStep();
        if (!s.rest()) pressure.beginStep(s.pressure(), s.maxPressure(), s.pressureRamp().toMillis());
        regionTime.enter(s);
        events.add(new EngineEvent.StepStarted(at(nowMs), index, s.regionId(), s.regionName(), s.side(), s.rest(),
                s.cue(), s.duration(), targets[index], s.cap()));
        countdown = null;
        ReadyKind kind = getReady.before(s);
        long ms = kind == null ? 0 : settings.countdownFor(kind).toMillis();
        if (ms > 0) {
            countdown = new GetReadyRule.Countdown(kind, nowMs + ms);
            events.add(new EngineEvent.GetReady(at(nowMs), index, (int) Math.ceil(ms / 1000.0), kind));
        }
    }

    /** Ends a get-ready countdown: the step's own ramp begins, from the lowest running value. */
    void endCountdown() {
        if (countdown == null) return;
        countdown = null;
        emitDesired(true);
    }

    void endStep(boolean skipped) {
        if (!stepOpen) return;
        stepOpen = false;
        PlannedStep s = currentStep();
        report.skipped(stepIndex, skipped);
        if (!s.rest()) report.pressure(stepIndex, pressure.stepStats());
        events.add(new EngineEvent.StepFinished(at(nowMs), stepIndex, s.regionId(), s.side(),
                (report.totalActiveMs() - visitStartActiveMs) / 1000.0, skipped));
    }

    void finish(Outcome how) {
        endStep(false);
        state = SessionState.FINISHED;
        outcome = how;
        endedAtMs = nowMs;
        windDown = null;
        countdown = null;
        send(quantiser.forceStop(nowMs));
        events.add(new EngineEvent.Finished(at(nowMs), how));
    }

    /** Sends what the current moment asks for, if it differs from what the motor was told. */
    void emitDesired(boolean immediate) {
        if (state != SessionState.RUNNING || linkDown) return;
        PlannedStep s = currentStep();
        Optional<DeviceCommand> command = s.rest() || countdown != null
                ? quantiser.stop(nowMs)
                : quantiser.run(desired(), s.cap(), nowMs, immediate);
        command.ifPresent(this::send);
    }

    /** The intensity fraction wished for now: the step's ramp, held under a resume ramp or a wind-down. */
    double desired() {
        PlannedStep s = currentStep();
        if (s.rest() || countdown != null) return 0;
        double target = targets[stepIndex];
        double f = ramp.level(s, target, stepElapsedMs);
        Double resume = resumeRamp.level(target, stepElapsedMs);
        if (resume != null) f = Math.min(f, resume);
        if (windDown != null) f = Math.min(f, windDown.level(report.totalActiveMs()));
        return f;
    }

    Phase phase() {
        switch (state) {
            case NOT_STARTED: return Phase.NOT_STARTED;
            case FINISHED: return Phase.FINISHED;
            case PAUSED: return Phase.PAUSED;
            default: break;
        }
        PlannedStep s = currentStep();
        if (countdown != null) return Phase.GET_READY;
        if (s.rest()) return Phase.REST;
        if (windDown != null) return Phase.WINDING_DOWN;
        Double resume = resumeRamp.level(targets[stepIndex], stepElapsedMs);
        if (resume != null && resume < ramp.level(s, targets[stepIndex], stepElapsedMs)) return Phase.RESUMING;
        return ramp.phase(s, stepElapsedMs);
    }

    /** How far through the planned time the session is, 0 to 1. */
    double progress() {
        return outcome == Outcome.COMPLETED ? 1 : PlanTime.progress(plan, stepIndex, stepElapsedMs);
    }

    void send(DeviceCommand command) {
        outbox.add(command);
        events.add(new EngineEvent.Commanded(at(nowMs), stepIndex, command));
    }

    void warn(WarningCode code, String message) {
        // A refused resume is a hint for the person at the keys, not a fact about the session.
        if (code != WarningCode.RESUME_REFUSED) report.warning(message);
        events.add(new EngineEvent.Warning(at(nowMs), code, message));
    }

    List<DeviceCommand> drainCommands() {
        List<DeviceCommand> out = List.copyOf(outbox);
        outbox.clear();
        return out;
    }

    List<EngineEvent> drainEvents() {
        List<EngineEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    private static Instant at(long ms) { return Instant.ofEpochMilli(ms); }
}
