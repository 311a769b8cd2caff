package dev.thrum.app;

import dev.thrum.program.PlannedStep;
import dev.thrum.program.SessionPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * A person's wish for a session intensity (0..1), applied to a finished plan (the API's
 * {@code "intensity"}). It moves each active step's target to the wish but never above that step's
 * effective cap: the planner's caps (region, client, conditions, hard ceiling) stay the upper bound,
 * and the answer says where it was clamped.
 */
public final class IntensityWish {

    /** @param clampedSteps indices of the steps whose cap was below the wish */
    public record Applied(SessionPlan plan, double requested, boolean clamped, double highestTarget, List<Integer> clampedSteps) {}

    private IntensityWish() {}

    /** @throws IllegalArgumentException when the wish is not a number in (0, 1] */
    public static Applied apply(SessionPlan plan, double requested) {
        if (!(requested > 0 && requested <= 1))
            throw new IllegalArgumentException("intensity must be a number above 0 and at most 1, was " + requested);
        List<PlannedStep> steps = new ArrayList<>();
        List<Integer> clamped = new ArrayList<>();
        double highest = 0;
        for (PlannedStep s : plan.steps()) {
            if (s.rest()) {
                steps.add(s);
                continue;
            }
            double target = Math.min(requested, s.cap());
            if (requested > s.cap() + 1e-12) clamped.add(s.index());
            highest = Math.max(highest, target);
            // every field but the target carried over: the step's pressure band and maximum are caps too
            steps.add(new PlannedStep(s.index(), s.regionId(), s.regionName(), s.side(), s.duration(), target, s.cap(),
                    s.rampUp(), s.curve(), s.cue(), s.maxContinuous(), false, s.pressure(), s.maxPressure(), s.pressureRamp()));
        }
        return new Applied(withSteps(plan, steps), requested, !clamped.isEmpty(), highest, List.copyOf(clamped));
    }

    private static SessionPlan withSteps(SessionPlan plan, List<PlannedStep> steps) {
        return new SessionPlan(plan.programId(), plan.programName(), plan.clientName(), steps,
                plan.sessionCeiling(), plan.notes(), plan.confirmations(), plan.clientId());
    }
}
