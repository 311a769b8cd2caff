package dev.thrum.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads the dates people type for {@code --since} and {@code --until}: an ISO day
 * ({@code 2026-11-02}, a whole day in the given zone), a local date-time ({@code 2026-11-02T08:30})
 * or a timestamp with an offset ({@code 2026-11-02T08:30:00Z}).
 */
public final class IsoDates {
    private IsoDates() {}

    /** The first instant of the given day or time. */
    public static Instant start(String text, ZoneId zone) {
        String t = text.trim();
        try {
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay(zone).toInstant();
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) return OffsetDateTime.parse(t).toInstant();
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO date: write YYYY-MM-DD (for example "
                    + "2026-11-02) or a time such as 2026-11-02T08:30 or 2026-11-02T08:30:00Z");
        }
    }

    /** The end (exclusive) of an inclusive bound: a plain day means up to the end of that day. */
    public static Instant endInclusive(String text, ZoneId zone) {
        String t = text.trim();
        Instant start = start(t, zone);
        return t.length() == 10 ? LocalDate.parse(t).plusDays(1).atStartOfDay(zone).toInstant() : start.plusNanos(1);
    }
}
