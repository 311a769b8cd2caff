package dev.thrum.transport.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when a test moves it. Thread-safe. */
public final class ManualClock extends Clock {
    private volatile Instant now;

    public ManualClock(Instant start) { this.now = start; }

    public ManualClock() { this(Instant.parse("2026-01-01T10:00:00Z")); }

    public synchronized void advance(Duration d) { now = now.plus(d); }

    public void advanceMillis(long ms) { advance(Duration.ofMillis(ms)); }

    @Override
    public Instant instant() { return now; }

    @Override
    public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override
    public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }
}
