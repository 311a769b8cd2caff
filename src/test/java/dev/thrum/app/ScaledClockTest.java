package dev.thrum.app;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.*;

class ScaledClockTest {

    /** A base clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        public Instant instant() { return now; }
        public ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(ZoneId zone) { return this; }
    }

    @Test
    void runsFasterByTheFactor() {
        ManualClock base = new ManualClock();
        ScaledClock clock = new ScaledClock(base, 100);
        Instant start = clock.instant();
        base.now = base.now.plusSeconds(3);
        assertEquals(Duration.ofSeconds(300), Duration.between(start, clock.instant()));
        assertEquals(Duration.ofMillis(50), clock.toReal(Duration.ofSeconds(5)));
    }

    @Test
    void refusesSlowingDown() {
        assertThrows(IllegalArgumentException.class, () -> new ScaledClock(new ManualClock(), 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ScaledClock(new ManualClock(), Double.NaN));
    }
}
