package dev.thrum.daemon;

import dev.thrum.program.PlannedStep;
import dev.thrum.program.RampCurve;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.Side;

import java.time.Duration;
import java.util.List;

/** Small plans for tests, built directly (the planner is tested elsewhere). */
final class TestPlans {
    private TestPlans() {}

    /** Two active steps with caps 0.5 and 0.8 and a rest between; targets 0.3 and 0.6. */
    static SessionPlan twoSteps(String programId) {
        return new SessionPlan(programId, "Test " + programId, null, List.of(
                new PlannedStep(0, "calf", "Calf", Side.LEFT, Duration.ofSeconds(20), 0.3, 0.5, Duration.ofSeconds(5),
                        RampCurve.LINEAR, "calf", Duration.ofMinutes(2), false),
                new PlannedStep(1, "rest", "Rest", Side.NONE, Duration.ofSeconds(5), 0, 0, Duration.ZERO,
                        RampCurve.LINEAR, "rest", null, true),
                new PlannedStep(2, "thigh", "Thigh", Side.NONE, Duration.ofSeconds(20), 0.6, 0.8, Duration.ofSeconds(5),
                        RampCurve.LINEAR, "thigh", Duration.ofMinutes(2), false)),
                Duration.ofMinutes(30), List.of());
    }
}
