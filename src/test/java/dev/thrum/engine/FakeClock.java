package dev.thrum.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when the test says so. */
final class FakeClock extends Clock {

    private long millis;

    FakeClock(long startMillis) { this.millis = startMillis; }

    void advance(long ms) { millis += ms; }

    void set(long ms) { millis = ms; }

    @Override public long millis() { return millis; }

    @Override public Instant instant() { return Instant.ofEpochMilli(millis); }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { return this; }
}
