package dev.thrum.engine.pressure;

import dev.thrum.pressure.ForceRange;

/**
 * The band a step wants at a moment: like the motor, pressure starts gentle. Over the step's
 * pressure ramp both ends of the band move from the light band to the step's band, so the advice
 * asks for a little more as the muscle gets used to it.
 */
public record PressureRamp(ForceRange start, ForceRange target, long rampMs) {

    public ForceRange bandAt(long stepElapsedMs) {
        if (rampMs <= 0 || stepElapsedMs >= rampMs) return target;
        ForceRange from = start.high() <= target.high() ? start : target;
        return ForceRange.between(from, target, (double) Math.max(0, stepElapsedMs) / rampMs);
    }
}
