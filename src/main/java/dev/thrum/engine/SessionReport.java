package dev.thrum.engine;

import java.time.Instant;
import java.util.List;

/**
 * The running or final account of a session: what the usage log stores.
 * While the session runs, {@code endedAt} and {@code outcome} are null.
 *
 * @param interruptions pauses that were not asked for (link lost, device stopped, battery)
 */
public record SessionReport(String programId, String programName, String clientName,
                            Instant startedAt, Instant endedAt,
                            double activeSeconds, double pausedSeconds,
                            Outcome outcome, List<StepReport> steps,
                            List<String> warnings, int interruptions) {
    public SessionReport {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }
}
