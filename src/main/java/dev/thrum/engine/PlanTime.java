package dev.thrum.engine;

import dev.thrum.program.SessionPlan;

/**
 * Time along a plan, from the step a session is on and how far into it: how much of the planned
 * time is done (for the progress bar) and how much is left (for the session ceiling).
 */
final class PlanTime {
    private PlanTime() {}

    /** Planned time still to run: the rest of step {@code index} and every step after it. */
    static long remainingMs(SessionPlan plan, int index, long stepElapsedMs) {
        long ms = plan.steps().get(index).duration().toMillis() - stepElapsedMs;
        for (int i = index + 1; i < plan.steps().size(); i++) ms += plan.steps().get(i).duration().toMillis();
        return Math.max(0, ms);
    }

    /** The share of the planned time done, 0 to 1 (a step run longer than planned counts as planned). */
    static double progress(SessionPlan plan, int index, long stepElapsedMs) {
        long total = plan.plannedDuration().toMillis();
        if (total <= 0) return 0;
        long done = Math.min(stepElapsedMs, plan.steps().get(index).duration().toMillis());
        for (int i = 0; i < index; i++) done += plan.steps().get(i).duration().toMillis();
        return Math.min(1, done / (double) total);
    }
}
