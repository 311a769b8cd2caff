package dev.thrum.engine.pressure;

import dev.thrum.pressure.ForceRange;

/**
 * Turns force readings into advice for the band wanted at this moment, steadily enough for a
 * person to follow without looking.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>No reading, or none within {@code staleMs}: {@link PressureAdvice#NO_READING}, at once. Not
 *       knowing is never "pressing correctly".</li>
 *   <li>"Harder" ends the moment the reading reaches the band, and "lighter" the moment it falls back
 *       into it: both become "hold" at once. So "harder" is never said while the reading is at or
 *       above the band's low end.</li>
 *   <li>Entering "harder" or "lighter" needs the reading to be past the band by the hysteresis margin
 *       and to stay there for {@code dwellMs}: a reading that wobbles on a bound does not flicker.</li>
 * </ol>
 */
public final class PressureAdvisor {

    private final PressureSettings settings;
    private PressureAdvice current = PressureAdvice.NO_READING;
    private PressureAdvice candidate;
    private long candidateSinceMs;

    public PressureAdvisor(PressureSettings settings) {
        this.settings = settings;
    }

    /** The advice at {@code nowMs} for {@code band}, given the latest reading (null when none ever came). */
    public PressureAdvice advise(long nowMs, ForceReading latest, ForceRange band) {
        if (!fresh(latest, nowMs, settings)) {
            candidate = null;
            return current = PressureAdvice.NO_READING;
        }
        double f = latest.newtons();
        if ((current == PressureAdvice.HARDER && f >= band.low())
                || (current == PressureAdvice.LIGHTER && f <= band.high())) {
            current = PressureAdvice.HOLD;
        }
        PressureAdvice wanted = wanted(f, band);
        if (wanted == current) {
            candidate = null;
            return current;
        }
        if (wanted == PressureAdvice.HOLD) {
            candidate = null;
            return current = PressureAdvice.HOLD;
        }
        if (wanted != candidate) {
            candidate = wanted;
            candidateSinceMs = nowMs;
        }
        if (nowMs - candidateSinceMs >= settings.dwellMs()) {
            candidate = null;
            current = wanted;
        }
        return current;
    }

    public PressureAdvice current() { return current; }

    /** Forget the history, as at the start of a step or after a pause. */
    public void reset() {
        current = PressureAdvice.NO_READING;
        candidate = null;
    }

    /** What the reading asks for, with the margin that keeps the current advice steady. */
    private PressureAdvice wanted(double f, ForceRange band) {
        double margin = settings.marginFor(band);
        if (f > band.high() + margin) return PressureAdvice.LIGHTER;
        if (f < band.low() - margin) return PressureAdvice.HARDER;
        if (f > band.high() && current == PressureAdvice.LIGHTER) return PressureAdvice.LIGHTER;
        if (f < band.low() && current == PressureAdvice.HARDER) return PressureAdvice.HARDER;
        return PressureAdvice.HOLD;
    }

    static boolean fresh(ForceReading reading, long nowMs, PressureSettings settings) {
        return reading != null && nowMs - reading.atMs() <= settings.staleMs() && nowMs >= reading.atMs();
    }
}
