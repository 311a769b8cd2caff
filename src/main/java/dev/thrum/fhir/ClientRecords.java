package dev.thrum.fhir;

import dev.thrum.log.SessionRecord;

import java.util.List;

/**
 * Everything about one client that goes to FHIR: who, the plan (or null), and the sessions with
 * their pain scores, oldest first.
 */
public record ClientRecords(ClientRef client, TreatmentPlan plan, List<Session> sessions) {

    /** One session and what the person said about pain around it. */
    public record Session(SessionRecord record, PainScores pain) {}

    public ClientRecords {
        sessions = List.copyOf(sessions);
    }

    public ClientRecords withSessions(List<Session> other) {
        return new ClientRecords(client, plan, other);
    }

    public ClientRecords withoutPlan() {
        return new ClientRecords(client, null, sessions);
    }
}
