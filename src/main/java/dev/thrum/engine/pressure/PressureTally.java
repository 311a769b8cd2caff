package dev.thrum.engine.pressure;

import dev.thrum.pressure.ForceRange;

/**
 * Adds up one step's pressure for the log: the time below, in and above the band (time between two
 * observations counts for what was known at the first of them; time without a fresh reading counts
 * as unknown, never as in the band), and the mean and peak of the readings.
 */
public final class PressureTally {

    private final PressureSettings settings;
    private long lastMs = -1;
    private Zone lastZone = Zone.UNKNOWN;
    private double lastForce;
    private long belowMs, inMs, aboveMs, unknownMs;
    private double forceTimeSum;
    private long forceTimeMs;
    private double peak = Double.NaN;
    private long lastReadingAt = Long.MIN_VALUE;

    private enum Zone { BELOW, IN, ABOVE, UNKNOWN }

    public PressureTally(PressureSettings settings) {
        this.settings = settings;
    }

    /** Count the time since the last observation, then take this one's reading and band. */
    public void observe(long nowMs, ForceReading latest, ForceRange band) {
        if (lastMs >= 0 && nowMs > lastMs) {
            long dt = nowMs - lastMs;
            switch (lastZone) {
                case BELOW -> belowMs += dt;
                case IN -> inMs += dt;
                case ABOVE -> aboveMs += dt;
                case UNKNOWN -> unknownMs += dt;
            }
            if (lastZone != Zone.UNKNOWN) {
                forceTimeSum += lastForce * dt;
                forceTimeMs += dt;
            }
        }
        lastMs = nowMs;
        if (PressureAdvisor.fresh(latest, nowMs, settings)) {
            lastForce = latest.newtons();
            lastZone = lastForce < band.low() ? Zone.BELOW : lastForce > band.high() ? Zone.ABOVE : Zone.IN;
            if (latest.atMs() != lastReadingAt) {
                lastReadingAt = latest.atMs();
                peak = Double.isNaN(peak) ? lastForce : Math.max(peak, lastForce);
            }
        } else {
            lastZone = Zone.UNKNOWN;
        }
    }

    /** Stop counting until the next observation (a pause: paused time is not pressure time). */
    public void interrupt() {
        lastMs = -1;
    }

    public PressureStats stats(int tooMuchEpisodes) {
        Double mean = forceTimeMs > 0 ? forceTimeSum / forceTimeMs : null;
        Double peakOrNull = Double.isNaN(peak) ? null : peak;
        return new PressureStats(mean, peakOrNull, belowMs / 1000.0, inMs / 1000.0, aboveMs / 1000.0,
                unknownMs / 1000.0, tooMuchEpisodes);
    }
}
