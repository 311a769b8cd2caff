package dev.thrum.program;

import java.time.Duration;

/**
 * One step of a session after expansion (sides split, repeats unrolled, client limits applied).
 * This is what the engine runs; every number in it is already safe.
 *
 * @param target          intensity 0..1 the step ramps up to, already at most {@code cap}
 * @param cap             effective cap: min(step target, region cap, client caps); the device maximum is 1.0
 * @param maxContinuous   the region's limit on continuous time (the engine warns when reached)
 * @param rest            true for a rest: the motor is stopped for the whole duration
 */
public record PlannedStep(int index, String regionId, String regionName, Side side,
                          Duration duration, double target, double cap, Duration rampUp,
                          RampCurve curve, String cue, Duration maxContinuous, boolean rest) {
    public PlannedStep {
        if (target > cap + 1e-12) throw new IllegalArgumentException("target " + target + " above cap " + cap);
        if (cap < 0 || cap > 1) throw new IllegalArgumentException("cap outside 0..1: " + cap);
    }
}
