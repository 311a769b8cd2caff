package dev.thrum.engine;

import dev.thrum.program.PlannedStep;
import dev.thrum.program.RampCurve;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RampProfileTest {

    private final RampProfile ramp = new RampProfile(EngineSettings.defaults());

    private static PlannedStep step(long durationMs, long rampMs, RampCurve curve) {
        return new PlannedStep(0, "calves", "Calves", Side.LEFT, Duration.ofMillis(durationMs), 0.8, 0.8,
                Duration.ofMillis(rampMs), curve, "cue", Duration.ofMinutes(2), false);
    }

    @Test
    void followsTheCurveUpHoldsAndComesDownInTheLastThreeSeconds() {
        PlannedStep s = step(60_000, 10_000, RampCurve.EASE_IN);
        assertEquals(0.0, ramp.level(s, 0.8, 0), 1e-12);
        assertEquals(0.8 * 0.25, ramp.level(s, 0.8, 5_000), 1e-12, "ease-in at half time is a quarter");
        assertEquals(0.8, ramp.level(s, 0.8, 30_000), 1e-12);
        assertEquals(0.8, ramp.level(s, 0.8, 57_000), 1e-12);
        assertEquals(0.4, ramp.level(s, 0.8, 58_500), 1e-12);
        assertEquals(0.0, ramp.level(s, 0.8, 60_000), 1e-12);
        assertEquals(Phase.RAMP_UP, ramp.phase(s, 9_999));
        assertEquals(Phase.HOLD, ramp.phase(s, 10_000));
        assertEquals(Phase.RAMP_DOWN, ramp.phase(s, 57_000));
    }

    @Test
    void rampDownIsAtMostAQuarterOfAShortStep() {
        assertEquals(3_000, ramp.rampDownMs(step(60_000, 0, RampCurve.LINEAR)));
        assertEquals(2_000, ramp.rampDownMs(step(8_000, 0, RampCurve.LINEAR)));
    }

    @Test
    void aRampThatRunsIntoTheRampDownNeverOvershootsEither() {
        PlannedStep s = step(10_000, 10_000, RampCurve.LINEAR); // ramp-down is the last 2.5 s
        assertEquals(0.8 * 0.7, ramp.level(s, 0.8, 7_000), 1e-12, "still rising");
        assertEquals(0.8 * 0.2, ramp.level(s, 0.8, 9_500), 1e-12, "the ramp-down is lower here");
    }

    @Test
    void sCurveIsGentleAtBothEnds() {
        PlannedStep s = step(60_000, 10_000, RampCurve.S_CURVE);
        assertEquals(0.4, ramp.level(s, 0.8, 5_000), 1e-12);
        assertEquals(0.8 * 0.028, ramp.level(s, 0.8, 1_000), 1e-12);
    }
}
