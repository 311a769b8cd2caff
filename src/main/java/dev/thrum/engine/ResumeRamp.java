package dev.thrum.engine;

/**
 * The short ramp after a resume: from the lowest running value back up to the step's level over
 * {@code resumeRamp}, measured in step time, so a paused step never restarts at full intensity.
 */
final class ResumeRamp {
    private final long lengthMs;
    /** Step elapsed time at the last resume while the ramp runs; -1 when none. */
    private long fromMs = -1;

    ResumeRamp(EngineSettings settings) {
        this.lengthMs = settings.resumeRamp().toMillis();
    }

    /** A resume at {@code stepElapsedMs}: the ramp starts there. */
    void start(long stepElapsedMs) { fromMs = stepElapsedMs; }

    /** A new step or a pause: no resume ramp (a new step ramps up along its own curve). */
    void clear() { fromMs = -1; }

    /** The most the level may be at {@code stepElapsedMs} for a step aiming at {@code target}, or null when no ramp runs. */
    Double level(double target, long stepElapsedMs) {
        if (fromMs < 0) return null;
        long since = stepElapsedMs - fromMs;
        if (lengthMs <= 0 || since >= lengthMs) return null;
        return target * since / (double) lengthMs;
    }
}
