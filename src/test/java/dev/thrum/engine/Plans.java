package dev.thrum.engine;

import dev.thrum.program.PlannedStep;
import dev.thrum.program.RampCurve;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.Side;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds plans for tests, step by step; indices are assigned in order. */
final class Plans {

    private final List<PlannedStep> steps = new ArrayList<>();
    private Duration ceiling = Duration.ofMinutes(30);
    private String client;

    static Plans plan() { return new Plans(); }

    Plans active(String region, Side side, long seconds, double target, double cap, long rampSeconds, RampCurve curve) {
        return activeMs(region, side, seconds * 1000, target, cap, rampSeconds * 1000, curve, Duration.ofMinutes(2));
    }

    Plans active(String region, long seconds, double target, long rampSeconds) {
        return active(region, Side.NONE, seconds, target, target, rampSeconds, RampCurve.LINEAR);
    }

    Plans activeMs(String region, Side side, long ms, double target, double cap, long rampMs, RampCurve curve,
                   Duration maxContinuous) {
        steps.add(new PlannedStep(steps.size(), region, region.replace('-', ' '), side, Duration.ofMillis(ms),
                target, cap, Duration.ofMillis(rampMs), curve, "work " + region, maxContinuous, false));
        return this;
    }

    Plans rest(long seconds) { return restMs(seconds * 1000); }

    Plans restMs(long ms) {
        steps.add(new PlannedStep(steps.size(), "rest", "Rest", Side.NONE, Duration.ofMillis(ms), 0, 0,
                Duration.ZERO, RampCurve.LINEAR, "rest", null, true));
        return this;
    }

    Plans ceiling(Duration d) { ceiling = d; return this; }

    Plans client(String name) { client = name; return this; }

    SessionPlan build() {
        return new SessionPlan("test-program", "Test program", client, steps, ceiling, List.of());
    }
}
