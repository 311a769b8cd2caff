package dev.thrum.log;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which sessions a review looks at: started at or after {@code from}, before {@code until}
 * (both optional), and for one client (case-insensitive, optional).
 */
public record RecordFilter(Instant from, Instant until, String client) implements Predicate<SessionRecord> {
    public static final RecordFilter ALL = new RecordFilter(null, null, null);

    @Override
    public boolean test(SessionRecord r) {
        Instant t = r.startedAt();
        if (from != null && t.isBefore(from)) return false;
        if (until != null && !t.isBefore(until)) return false;
        return client == null || (r.clientName() != null
                && r.clientName().toLowerCase(Locale.ROOT).equals(client.toLowerCase(Locale.ROOT)));
    }
}
