package dev.thrum.usage;

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
 * {@code clientId} is the client's id (records since it was added; older ones have only the name).
 */
public record SessionRecord(String id, String clientName, String programId, String programName,
                            DeviceInfo device, Instant startedAt, Instant endedAt,
                            double activeSeconds, double pausedSeconds, Outcome outcome,
                            int interruptions, List<String> warnings, List<StepReport> steps, PainScores pain,
                            String clientId) {

    /**
     * The schema this build writes. Version 2 added the pain fields and each step's pressure; version 1
     * records are still read (they have neither). {@code clientId} is an optional field within version 2.
     */
    public static final int SCHEMA_VERSION = 2;
    public static final String SCHEMA = "thrum.session/" + SCHEMA_VERSION;
    /** The schema of records written before pain scores; read as records without them. */
    public static final String SCHEMA_V1 = "thrum.session/1";

    public SessionRecord {
        warnings = List.copyOf(warnings);
        steps = List.copyOf(steps);
        if (pain == null) pain = PainScores.NONE;
    }

    /** A record without a client id. */
    public SessionRecord(String id, String clientName, String programId, String programName,
                         DeviceInfo device, Instant startedAt, Instant endedAt,
                         double activeSeconds, double pausedSeconds, Outcome outcome,
                         int interruptions, List<String> warnings, List<StepReport> steps, PainScores pain) {
        this(id, clientName, programId, programName, device, startedAt, endedAt, activeSeconds, pausedSeconds, outcome,
                interruptions, warnings, steps, pain, null);
    }

    /** A record without pain scores or a client id. */
    public SessionRecord(String id, String clientName, String programId, String programName,
                         DeviceInfo device, Instant startedAt, Instant endedAt,
                         double activeSeconds, double pausedSeconds, Outcome outcome,
                         int interruptions, List<String> warnings, List<StepReport> steps) {
        this(id, clientName, programId, programName, device, startedAt, endedAt, activeSeconds, pausedSeconds, outcome,
                interruptions, warnings, steps, PainScores.NONE, null);
    }

    /** The same session with other pain scores. */
    public SessionRecord withPain(PainScores newPain) {
        return new SessionRecord(id, clientName, programId, programName, device, startedAt, endedAt,
                activeSeconds, pausedSeconds, outcome, interruptions, warnings, steps, newPain, clientId);
    }

    /** Joins what the runner knew at the start with the engine's account of the session. */
    public static SessionRecord of(SessionHeader header, SessionReport report) {
        return new SessionRecord(header.sessionId(),
                report.clientName() != null ? report.clientName() : header.clientName(),
                report.programId() != null ? report.programId() : header.programId(),
                report.programName() != null ? report.programName() : header.programName(),
                header.device(), report.startedAt(), report.endedAt(),
                report.activeSeconds(), report.pausedSeconds(), report.outcome(),
                report.interruptions(), report.warnings(), report.steps(), header.pain(), header.clientId());
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
                activeSeconds, pausedSeconds, how, interruptions, w, steps, pain, clientId);
    }
}
