package dev.thrum.fhir;

import dev.thrum.usage.SessionRecord;
import dev.thrum.program.Plan;

import java.util.List;

/**
 * Everything about one client that goes to FHIR: who, the plan (or null), and the sessions (each
 * with its pain scores), oldest first.
 */
public record ClientRecords(ClientRef client, Plan plan, List<SessionRecord> sessions) {

    public ClientRecords {
        sessions = List.copyOf(sessions);
    }

    public ClientRecords withSessions(List<SessionRecord> other) {
        return new ClientRecords(client, plan, other);
    }

    public ClientRecords withoutPlan() {
        return new ClientRecords(client, null, sessions);
    }
}
