package dev.thrum.engine.pressure;

import dev.thrum.pressure.ForceRange;
import dev.thrum.pressure.ForceScale;
import dev.thrum.pressure.PressureBand;

/**
 * The engine's one collaborator for pressure: it keeps the latest force reading, the band the
 * current step wants at this moment (ramping up from light), the advice, the over-pressure watch
 * and the step's tally. Pure like the engine: time comes in as session milliseconds.
 *
 * <p>A device with no declared force scale (or that never reports force) still gets guidance in
 * words: {@link #band()} names the band, and the advice stays {@link PressureAdvice#NO_READING}.
 */
public final class PressureGuide {

    /** What changed at one evaluation, for the engine to turn into events and commands. */
    public record Update(PressureAdvice advice, boolean adviceChanged, OverPressureWatch.Verdict verdict) {}

    private final ForceScale scale;
    private final PressureSettings settings;
    private final PressureAdvisor advisor;
    private final OverPressureWatch watch;
    private PressureTally tally;
    private PressureBand band = PressureBand.LIGHT;
    private PressureBand max = PressureBand.FIRM;
    private PressureRamp ramp;
    private ForceReading latest;
    /** Step time (active ms) at which the band last started from light: the step's start, or the last resume. */
    private long rampOriginMs;
    private int episodesBeforeStep;

    public PressureGuide(ForceScale scale, PressureSettings settings) {
        this.scale = scale;
        this.settings = settings;
        this.advisor = new PressureAdvisor(settings);
        this.watch = new OverPressureWatch(settings);
        this.tally = new PressureTally(settings);
    }

    /** A new step wants {@code target} (never above {@code max}), reached over {@code rampMs} from light. */
    public void beginStep(PressureBand target, PressureBand max, long rampMs) {
        this.max = max;
        this.band = target.atMost(max);
        this.rampOriginMs = 0;
        this.tally = new PressureTally(settings);
        this.episodesBeforeStep = watch.episodes();
        advisor.reset();
        watch.clearEpisode();
        if (scale != null) {
            ramp = new PressureRamp(scale.band(PressureBand.LIGHT), scale.band(band), rampMs);
        }
    }

    /** A force figure from the device, in its own unit (the profile's scale turns it into newtons). */
    public void onReading(long nowMs, int deviceFigure) {
        if (scale == null) return;
        latest = new ForceReading(nowMs, scale.toNewtons(deviceFigure));
    }

    /**
     * Where things stand at {@code nowMs} (session time) while the motor runs, {@code stepMs} into the
     * step's active time.
     */
    public Update evaluate(long nowMs, long stepMs) {
        if (scale == null) return new Update(PressureAdvice.NO_READING, false, OverPressureWatch.Verdict.NONE);
        ForceRange wanted = ramp.bandAt(stepMs - rampOriginMs);
        PressureAdvice before = advisor.current();
        PressureAdvice advice = advisor.advise(nowMs, latest, wanted);
        tally.observe(nowMs, latest, wanted);
        OverPressureWatch.Verdict verdict = watch.check(nowMs, latest, scale.band(max).high());
        return new Update(advice, advice != before, verdict);
    }

    /** Paused: the time until the next evaluation is not pressure time, and advice starts afresh. */
    public void pause() {
        tally.interrupt();
        advisor.reset();
        watch.clearEpisode();
    }

    /** Resumed {@code stepMs} into the step: like the motor, the pressure builds up from light again. */
    public void resume(long stepMs) {
        rampOriginMs = stepMs;
    }

    public PressureBand band() { return band; }

    public PressureBand maxBand() { return max; }

    public boolean reportsForce() { return scale != null; }

    /** The band wanted {@code stepMs} into the step, in newtons; null for a device without a force scale. */
    public ForceRange bandAt(long stepMs) {
        return scale == null ? null : ramp.bandAt(stepMs - rampOriginMs);
    }

    /** The latest reading in newtons if still fresh; else null. */
    public Double freshNewtons(long nowMs) {
        return PressureAdvisor.fresh(latest, nowMs, settings) ? latest.newtons() : null;
    }

    public PressureAdvice advice() { return advisor.current(); }

    /** The current step's pressure for the log; null for a device that reports no force. */
    public PressureStats stepStats() { return scale == null ? null : tally.stats(watch.episodes() - episodesBeforeStep); }

    public ForceScale scale() { return scale; }
}
