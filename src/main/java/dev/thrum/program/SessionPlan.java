package dev.thrum.program;

import java.time.Duration;
import java.util.List;

/**
 * A program made ready for one person: the steps the engine runs, and what was changed on the way.
 *
 * @param clientName      null when run without a client
 * @param clientId        the client's id (what the usage log keys the session by), null without a client
 * @param sessionCeiling  the session stops (ramping down) when active time reaches this
 * @param notes           what planning changed and the user should hear (skipped regions, lowered caps)
 * @param confirmations   warnings the person must confirm before this run starts (condition warnings before
 *                        a client's first run); empty when nothing needs confirming
 */
public record SessionPlan(String programId, String programName, String clientName,
                          List<PlannedStep> steps, Duration sessionCeiling, List<String> notes,
                          List<String> confirmations, String clientId) {
    public SessionPlan {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
        confirmations = List.copyOf(confirmations);
    }

    /** A plan without a client id (tests, and plans made before records kept it). */
    public SessionPlan(String programId, String programName, String clientName,
                       List<PlannedStep> steps, Duration sessionCeiling, List<String> notes,
                       List<String> confirmations) {
        this(programId, programName, clientName, steps, sessionCeiling, notes, confirmations, null);
    }

    /** A plan with nothing to confirm. */
    public SessionPlan(String programId, String programName, String clientName,
                       List<PlannedStep> steps, Duration sessionCeiling, List<String> notes) {
        this(programId, programName, clientName, steps, sessionCeiling, notes, List.of());
    }

    public Duration plannedDuration() {
        return steps.stream().map(PlannedStep::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
