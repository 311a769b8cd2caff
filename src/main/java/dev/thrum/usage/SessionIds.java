package dev.thrum.usage;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Session ids that sort by start time and are short enough to type: {@code 20261124-080601-7f3a}.
 * {@code thrum log show} accepts any unique prefix.
 */
public final class SessionIds {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {}

    public static String next(Instant now) {
        return STAMP.format(now.truncatedTo(ChronoUnit.SECONDS)) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
    }
}
