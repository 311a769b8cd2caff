package dev.thrum.engine.pressure;

import org.junit.jupiter.api.Test;

import static dev.thrum.engine.pressure.OverPressureWatch.Verdict.*;
import static org.junit.jupiter.api.Assertions.*;

class OverPressureWatchTest {

    private final OverPressureWatch watch = new OverPressureWatch(PressureSettings.DEFAULTS);

    @Test
    void warnsOnceThenActsOnceWhenForceStaysAboveTheMaximum() {
        assertEquals(NONE, watch.check(0, new ForceReading(0, 80), 60));
        assertEquals(NONE, watch.check(2999, new ForceReading(2900, 80), 60));
        assertEquals(WARN, watch.check(3000, new ForceReading(3000, 81), 60));
        assertEquals(NONE, watch.check(5000, new ForceReading(5000, 81), 60));
        assertEquals(ACT, watch.check(8000, new ForceReading(8000, 90), 60));
        assertEquals(NONE, watch.check(9000, new ForceReading(9000, 90), 60));
        assertEquals(1, watch.episodes());
    }

    @Test
    void easingOffEndsTheEpisodeAndAShortOneIsNotCounted() {
        watch.check(0, new ForceReading(0, 80), 60);
        assertEquals(NONE, watch.check(2000, new ForceReading(2000, 50), 60));
        assertFalse(watch.inEpisode());
        assertEquals(NONE, watch.check(4000, new ForceReading(4000, 80), 60));
        assertEquals(WARN, watch.check(7000, new ForceReading(7000, 80), 60));
        assertEquals(1, watch.episodes());
    }

    @Test
    void silenceDoesNotEndAnEpisode() {
        watch.check(0, new ForceReading(0, 80), 60);
        assertEquals(WARN, watch.check(3500, new ForceReading(0, 80), 60));
        assertEquals(ACT, watch.check(8000, new ForceReading(0, 80), 60), "no reading for 8 s after too much force still acts");
    }

    @Test
    void afterThePauseItCausedANewEpisodeBuildsUpAnew() {
        watch.check(0, new ForceReading(0, 80), 60);
        assertEquals(ACT, watch.check(8000, new ForceReading(8000, 80), 60));
        watch.clearEpisode();
        assertEquals(NONE, watch.check(8100, new ForceReading(8100, 80), 60));
        assertEquals(NONE, watch.check(10000, new ForceReading(10000, 80), 60));
        assertEquals(WARN, watch.check(11100, new ForceReading(11100, 80), 60));
        assertEquals(2, watch.episodes());
    }
}
