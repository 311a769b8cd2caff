package dev.thrum.engine;

import dev.thrum.program.PlannedStep;

import java.util.List;

/**
 * A region's continuous-time limit ({@code maxContinuous}): counts the active time spent on one
 * region and side across consecutive steps there, and says once when the limit is reached. A rest
 * or a step elsewhere starts the count afresh.
 */
final class RegionTimeLimit {
    private final List<PlannedStep> steps;
    private String key;
    private long continuousMs;
    private boolean warned;

    RegionTimeLimit(List<PlannedStep> steps) {
        this.steps = steps;
    }

    /** A step begins: time on the same region and side runs on; anything else starts the count again. */
    void enter(PlannedStep s) {
        String k = s.rest() ? null : s.regionId() + "/" + s.side();
        if (k == null || !k.equals(key)) {
            key = k;
            continuousMs = 0;
            warned = false;
        }
    }

    /** Active (motor running) time passed on the current step. */
    void ran(long ms) { continuousMs += ms; }

    /** Whether step {@code s} has a limit that has not been warned about yet. */
    boolean pending(PlannedStep s) {
        return !warned && !s.rest() && s.maxContinuous() != null;
    }

    /** Active time until the limit of a {@link #pending} step falls due (0 when already due). */
    long msLeft(PlannedStep s) {
        return Math.max(0, s.maxContinuous().toMillis() - continuousMs);
    }

    /**
     * The warning due now on step {@code index}, {@code stepElapsedMs} into it, or null. A step
     * exactly as long as its region's limit is within it, unless the next step goes on there.
     */
    String check(int index, long stepElapsedMs) {
        PlannedStep s = steps.get(index);
        boolean endsHere = stepElapsedMs >= s.duration().toMillis() && !nextStepContinues(index);
        if (!pending(s) || endsHere || continuousMs < s.maxContinuous().toMillis()) return null;
        warned = true;
        return WarningTexts.regionTimeReached(s);
    }

    /** Whether the step after {@code index} treats the same region and side, so continuous time runs on. */
    private boolean nextStepContinues(int index) {
        if (index + 1 >= steps.size()) return false;
        PlannedStep now = steps.get(index), next = steps.get(index + 1);
        return !next.rest() && next.regionId().equals(now.regionId()) && next.side() == now.side();
    }
}
