package dev.thrum.program;

import dev.thrum.pressure.PressureBand;

import java.time.Duration;

/**
 * One step of a session after expansion (sides split, repeats unrolled, client limits applied).
 * This is what the engine runs; every number in it is already safe.
 *
 * @param target          intensity 0..1 the step ramps up to, already at most {@code cap}
 * @param cap             effective cap: min(step target, region cap, client caps); the device maximum is 1.0
 * @param maxContinuous   the region's limit on continuous time (the engine warns when reached)
 * @param rest            true for a rest: the motor is stopped for the whole duration
 * @param pressure        the pressure band to build up to, already at most {@code maxPressure}
 * @param maxPressure     the firmest band allowed here: min(region, client's conditions); above it the engine warns, then pauses
 * @param pressureRamp    time to build from light to {@code pressure}
 */
public record PlannedStep(int index, String regionId, String regionName, Side side,
                          Duration duration, double target, double cap, Duration rampUp,
                          RampCurve curve, String cue, Duration maxContinuous, boolean rest,
                          PressureBand pressure, PressureBand maxPressure, Duration pressureRamp) {

    /** A step that says nothing about pressure: light, building over the ramp-up, firm allowed. */
    public PlannedStep(int index, String regionId, String regionName, Side side, Duration duration, double target,
                       double cap, Duration rampUp, RampCurve curve, String cue, Duration maxContinuous, boolean rest) {
        this(index, regionId, regionName, side, duration, target, cap, rampUp, curve, cue, maxContinuous, rest,
                PressureBand.LIGHT, PressureBand.FIRM, rampUp);
    }

    public PlannedStep {
        if (pressure.compareTo(maxPressure) > 0)
            throw new IllegalArgumentException("pressure " + pressure.id() + " above the maximum " + maxPressure.id());
        if (target > cap + 1e-12) throw new IllegalArgumentException("target " + target + " above cap " + cap);
        if (cap < 0 || cap > 1) throw new IllegalArgumentException("cap outside 0..1: " + cap);
    }
}
