package dev.thrum.engine;

import dev.thrum.program.PlannedStep;

/**
 * The intensity shape of one step over its own elapsed time: up from the lowest running value
 * (fraction 0) along the step's curve, hold at the target, then a straight ramp-down back to the
 * lowest running value in the last seconds of the step. The ramp-down is part of the step's time
 * so that the next region always starts from low. Pure functions of (step, target, elapsed).
 */
final class RampProfile {

    private final long rampDownMaxMs;

    RampProfile(EngineSettings settings) {
        this.rampDownMaxMs = settings.rampDown().toMillis();
    }

    /** Length of the ramp-down: the configured few seconds, but never more than a quarter of the step. */
    long rampDownMs(PlannedStep step) {
        return Math.min(rampDownMaxMs, step.duration().toMillis() / 4);
    }

    /** Intensity fraction at {@code elapsedMs} into an active step with the given (adjusted) target. */
    double level(PlannedStep step, double target, long elapsedMs) {
        long duration = step.duration().toMillis();
        long up = step.rampUp().toMillis();
        double rising = up <= 0 ? target : target * step.curve().shape(elapsedMs / (double) up);
        long down = rampDownMs(step);
        long downStart = duration - down;
        double falling = (down <= 0 || elapsedMs < downStart)
                ? target
                : target * Math.max(0, (duration - elapsedMs) / (double) down);
        // The lower of the two: where the ramp-up runs into the ramp-down, neither overshoots.
        return Math.max(0, Math.min(rising, falling));
    }

    Phase phase(PlannedStep step, long elapsedMs) {
        if (step.rest()) return Phase.REST;
        if (elapsedMs >= step.duration().toMillis() - rampDownMs(step)) return Phase.RAMP_DOWN;
        if (elapsedMs < step.rampUp().toMillis()) return Phase.RAMP_UP;
        return Phase.HOLD;
    }
}
