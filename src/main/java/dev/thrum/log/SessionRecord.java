package dev.thrum.log;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.SessionReport;
import dev.thrum.engine.StepReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the usage log: a whole session (see docs/usage-log.md for the JSON form).
 * {@code endedAt} and {@code outcome} are null only in a journal snapshot of a running session.
 */
public record SessionRecord(String id, String clientName, String programId, String programName,
                            DeviceInfo device, Instant startedAt, Instant endedAt,
                            double activeSeconds, double pausedSeconds, Outcome outcome,
                            int interruptions, List<String> warnings, List<StepReport> steps) {

    /** The schema this build writes. Readers accept any record of the same major version. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA = "thrum.session/" + SCHEMA_VERSION;

    public SessionRecord {
        warnings = List.copyOf(warnings);
        steps = List.copyOf(steps);
    }

    /** Joins what the runner knew at the start with the engine's account of the session. */
    public static SessionRecord of(SessionHeader header, SessionReport report) {
        return new SessionRecord(header.sessionId(),
                report.clientName() != null ? report.clientName() : header.clientName(),
                report.programId() != null ? report.programId() : header.programId(),
                report.programName() != null ? report.programName() : header.programName(),
                header.device(), report.startedAt(), report.endedAt(),
                report.activeSeconds(), report.pausedSeconds(), report.outcome(),
                report.interruptions(), report.warnings(), report.steps());
    }

    /** Wall-clock span from start to end, or null while running. */
    public Duration duration() {
        return startedAt == null || endedAt == null ? null : Duration.between(startedAt, endedAt);
    }

    /** The same session, ended at {@code end} with {@code how}, with one more warning. */
    public SessionRecord ended(Instant end, Outcome how, String warning) {
        List<String> w = new ArrayList<>(warnings);
        if (warning != null) w.add(warning);
        return new SessionRecord(id, clientName, programId, programName, device, startedAt, end,
                activeSeconds, pausedSeconds, how, interruptions, w, steps);
    }
}
