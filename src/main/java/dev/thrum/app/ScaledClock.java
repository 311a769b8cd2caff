package dev.thrum.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs {@code speedup} times faster than its base from the moment it is made, so a
 * simulated session can be run in a fraction of its real length. Speed 1 is the base clock.
 */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final Instant origin;
    private final double speedup;

    public ScaledClock(Clock base, double speedup) {
        if (!(speedup >= 1)) throw new IllegalArgumentException("speedup must be at least 1, was " + speedup);
        this.base = base;
        this.origin = base.instant();
        this.speedup = speedup;
    }

    public double speedup() { return speedup; }

    /** How long a span of this clock's time takes on the base clock. */
    public Duration toReal(Duration scaled) {
        return Duration.ofNanos((long) (scaled.toNanos() / speedup));
    }

    @Override
    public Instant instant() {
        Duration real = Duration.between(origin, base.instant());
        return origin.plusNanos((long) (real.toNanos() * speedup));
    }

    @Override
    public ZoneId getZone() { return base.getZone(); }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a scaled clock keeps its base zone");
    }
}
