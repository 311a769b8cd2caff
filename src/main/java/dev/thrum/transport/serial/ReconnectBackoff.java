package dev.thrum.transport.serial;

import java.time.Duration;

/**
 * How long to wait between attempts to reopen a serial port that went away: the first wait, doubled
 * after each failed attempt, never longer than the ceiling. Short at first because a re-plugged USB
 * adapter is usually back within a second; capped so a port gone for good costs little.
 */
public record ReconnectBackoff(Duration first, Duration ceiling) {

    /** 0.25 s, 0.5 s, 1 s, 2 s, 4 s, then 5 s between attempts. */
    public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    public ReconnectBackoff {
        if (first.isNegative() || first.isZero()) throw new IllegalArgumentException("first wait must be positive: " + first);
        if (ceiling.compareTo(first) < 0) throw new IllegalArgumentException("ceiling " + ceiling + " is below the first wait " + first);
    }

    /** The wait after the given one: double it, up to the ceiling. */
    public Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
    }
}
