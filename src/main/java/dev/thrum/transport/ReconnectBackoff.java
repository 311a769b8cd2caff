package dev.thrum.transport;

import java.time.Duration;

/**
 * How long an adapter waits between attempts to get a lost link back (a serial port that went away,
 * a Bluetooth device out of range): the first wait, doubled after each failed attempt, never longer
 * than the ceiling. Short at first because a re-plugged USB adapter or a device walked back into
 * range is usually there within a second; capped so a device gone for good costs little.
 * It lives here, below the adapters, because adapters never import each other (ArchitectureTest).
 */
public record ReconnectBackoff(Duration first, Duration ceiling) {

    /** 0.25 s, 0.5 s, 1 s, 2 s, 4 s, then 5 s between attempts (serial and BLE alike). */
    public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    /** Beyond this many doublings every wait is the ceiling anyway; the cap keeps the arithmetic from overflowing. */
    private static final int MAX_DOUBLINGS = 20;

    public ReconnectBackoff {
        if (first.isNegative() || first.isZero()) throw new IllegalArgumentException("first wait must be positive: " + first);
        if (ceiling.compareTo(first) < 0) throw new IllegalArgumentException("ceiling " + ceiling + " is below the first wait " + first);
    }

    /** The wait before attempt number {@code attempt} (0 for the first attempt after the loss). */
    public Duration before(int attempt) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempt, 0), MAX_DOUBLINGS));
        return wait.compareTo(ceiling) > 0 ? ceiling : wait;
    }

    /** The wait after the given one: double it, up to the ceiling. */
    public Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
    }
}
