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
    /** Treatment shorter than this, and shorter than the step, is a skip in passing, not a treatment. */
    public static final double TREATED_SECONDS = 10;

    public SessionReport {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /**
     * How many regions (each side its own) had real treatment: at least {@value #TREATED_SECONDS} s
     * of motor time, or the whole of a shorter step. Rests and steps skipped in passing do not count;
     * a region treated in two passes counts once.
     */
    public int regionsTreated() {
        return (int) steps.stream().filter(SessionReport::treated)
                .map(s -> s.regionId() + "/" + s.side()).distinct().count();
    }

    private static boolean treated(StepReport s) {
        return treated(s.rest(), s.plannedSeconds(), s.actualSeconds());
    }

    /** The rule of {@link #regionsTreated()} for one step (also for reports read back from JSON). */
    public static boolean treated(boolean rest, double plannedSeconds, double actualSeconds) {
        if (rest) return false;
        return actualSeconds > 0 && actualSeconds >= Math.min(TREATED_SECONDS, plannedSeconds - 1e-6);
    }
}
