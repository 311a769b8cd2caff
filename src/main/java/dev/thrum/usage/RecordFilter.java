package dev.thrum.usage;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which sessions a review looks at: started at or after {@code from}, before {@code until}
 * (both optional), and for one client (optional). A client is matched by its id in the records
 * that keep it, so renaming a client keeps its history; older records, which keep only the name,
 * match by the name, ignoring case.
 *
 * @param client   the client's name (null: every session)
 * @param clientId the client's id, null when only the name is known
 */
public record RecordFilter(Instant from, Instant until, String client, String clientId) implements Predicate<SessionRecord> {
    public static final RecordFilter ALL = new RecordFilter(null, null, null, null);

    /** By the client's name only. */
    public RecordFilter(Instant from, Instant until, String client) {
        this(from, until, client, null);
    }

    /** True when the filter lets every session through (no dates, no client). */
    public boolean takesAll() {
        return from == null && until == null && client == null && clientId == null;
    }

    @Override
    public boolean test(SessionRecord r) {
        Instant t = r.startedAt();
        if (from != null && t.isBefore(from)) return false;
        if (until != null && !t.isBefore(until)) return false;
        if (client == null && clientId == null) return true;
        if (clientId != null && r.clientId() != null) return clientId.equals(r.clientId());
        return client != null && r.clientName() != null
                && r.clientName().toLowerCase(Locale.ROOT).equals(client.toLowerCase(Locale.ROOT));
    }
}
