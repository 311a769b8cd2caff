package dev.thrum.usage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Writes a synthetic log for trying the review commands: {@code GenerateLog FILE SESSIONS [YEARS]}. */
public final class GenerateLog {
    public static void main(String[] args) throws Exception {
        int years = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Instant from = Instant.parse("2016-01-04T08:00:00Z");
        LogGenerator.write(Path.of(args[0]), Integer.parseInt(args[1]), from, Duration.ofDays(365L * years), 42);
    }
}
