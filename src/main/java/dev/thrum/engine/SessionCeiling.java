package dev.thrum.engine;

import java.time.Duration;

/**
 * The session ceiling (the program's {@code sessionCeiling}): the most active time one session may
 * give. It matters only when the rest of the program would run past it (after PREVIOUS, say); then
 * the motor winds down so that it reaches the lowest running value exactly at the ceiling, and the
 * session finishes. A program that ends by the ceiling completes normally.
 */
final class SessionCeiling {
    private final Duration ceiling;
    private final long windDownMs;
    private boolean warned;

    /** @param ceiling the ceiling, or null for none */
    SessionCeiling(Duration ceiling, Duration windDown) {
        this.ceiling = ceiling;
        this.windDownMs = windDown.toMillis();
    }

    /**
     * Whether the program, from {@code activeMs} with {@code remainingPlanMs} still to run, would pass
     * the ceiling. Running lowers "remaining" as fast as it raises "active", so this holds or not
     * for a whole stretch of running.
     */
    boolean exceededBy(long activeMs, long remainingPlanMs) {
        return ceiling != null && activeMs + remainingPlanMs > ceiling.toMillis();
    }

    /** The active time at which the wind-down must begin (it may already have passed). */
    long windDownStartMs() { return ceiling.toMillis() - windDownMs; }

    /** How long a wind-down begun at {@code activeMs} may last; 0 means finish now. */
    long windDownMs(long activeMs) {
        return Math.max(0, Math.min(windDownMs, ceiling.toMillis() - activeMs));
    }

    /** The warning when the wind-down begins: once per session (a resumed one winds down again silently). */
    String warnOnce() {
        if (warned) return null;
        warned = true;
        return WarningTexts.ceilingReached(ceiling);
    }
}
