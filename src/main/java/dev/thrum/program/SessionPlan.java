package dev.thrum.program;

import java.time.Duration;
import java.util.List;

/**
 * A program made ready for one person: the steps the engine runs, and what was changed on the way.
 *
 * @param clientName      null when run without a client
 * @param sessionCeiling  the session stops (ramping down) when active time reaches this
 * @param notes           what planning changed and the user should hear (skipped regions, lowered caps)
 */
public record SessionPlan(String programId, String programName, String clientName,
                          List<PlannedStep> steps, Duration sessionCeiling, List<String> notes) {
    public SessionPlan {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    public Duration plannedDuration() {
        return steps.stream().map(PlannedStep::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
