package dev.thrum.engine;

import dev.thrum.engine.pressure.PressureStats;

import dev.thrum.program.PlannedStep;
import dev.thrum.program.SessionPlan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds up what really happened, step by step, as the engine accounts time. Time is accounted in
 * slices during which the commanded value did not change, so the mean is an exact time-weighted mean
 * of what the device was told.
 */
final class ReportBuilder {

    private final SessionPlan plan;
    private final long[] activeMs;
    private final double[] peak;
    private final double[] weighted;   // sum of fraction x ms
    private final int[] softer;
    private final int[] harder;
    private final boolean[] skipped;
    private final PressureStats[] pressure;
    private final List<String> warnings = new ArrayList<>();
    private long totalActiveMs;
    private long totalPausedMs;
    private long restMs;
    private int interruptions;

    ReportBuilder(SessionPlan plan) {
        this.plan = plan;
        int n = plan.steps().size();
        activeMs = new long[n];
        peak = new double[n];
        weighted = new double[n];
        softer = new int[n];
        harder = new int[n];
        skipped = new boolean[n];
        pressure = new PressureStats[n];
    }

    void active(int step, long ms, double commandedFraction) {
        totalActiveMs += ms;
        if (step < 0 || step >= activeMs.length) return;
        activeMs[step] += ms;
        weighted[step] += commandedFraction * ms;
        peak[step] = Math.max(peak[step], commandedFraction);
    }

    void paused(long ms) { totalPausedMs += ms; }

    /**
     * Time in a rest step: the step's own seconds, and the session's running time (which steps and
     * the ceiling are timed by), but reported as paused: the motor is still (docs/usage-log.md).
     */
    void rest(int step, long ms) {
        totalActiveMs += ms;
        restMs += ms;
        if (step >= 0 && step < activeMs.length) activeMs[step] += ms;
    }

    void softer(int step) { softer[step]++; }

    void harder(int step) { harder[step]++; }

    /** The last visit of a step decides: skipped, or run to its end. */
    void skipped(int step, boolean value) { skipped[step] = value; }

    void warning(String message) { warnings.add(message); }

    void interruption() { interruptions++; }

    /** One visit's pressure for a step; a second visit (after "back") adds to the first. */
    void pressure(int step, PressureStats stats) {
        if (step < 0 || step >= pressure.length || stats == null) return;
        pressure[step] = stats.plus(pressure[step]);
    }

    /** Running time: treatment and rests (not pauses or countdowns); what step ends are timed by. */
    long totalActiveMs() { return totalActiveMs; }

    long totalPausedMs() { return totalPausedMs; }

    SessionReport build(Instant startedAt, Instant endedAt, Outcome outcome) {
        return build(startedAt, endedAt, outcome, -1, null);
    }

    /** @param openStep the step still running (its pressure so far is {@code openPressure}), or -1 */
    SessionReport build(Instant startedAt, Instant endedAt, Outcome outcome, int openStep, PressureStats openPressure) {
        List<StepReport> steps = new ArrayList<>();
        for (int i = 0; i < activeMs.length; i++) {
            PlannedStep p = plan.steps().get(i);
            PressureStats stepPressure = i == openStep && openPressure != null ? openPressure.plus(pressure[i]) : pressure[i];
            double mean = activeMs[i] == 0 ? 0 : weighted[i] / activeMs[i];
            steps.add(new StepReport(p.index(), p.regionId(), p.side(), p.rest(),
                    p.duration().toMillis() / 1000.0, activeMs[i] / 1000.0,
                    peak[i], mean, softer[i], harder[i], skipped[i],
                    p.rest() ? null : new StepReport.StepPressure(p.pressure().id(), stepPressure)));
        }
        return new SessionReport(plan.programId(), plan.programName(), plan.clientName(), startedAt, endedAt,
                (totalActiveMs - restMs) / 1000.0, (totalPausedMs + restMs) / 1000.0, outcome, steps, warnings,
                interruptions);
    }
}
