package dev.thrum.usage;

import dev.thrum.program.Side;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Run as a separate JVM with a small heap by {@link HugeTornTailTest}: appends one session to the
 * log in the data directory given, then reads the whole log back, as {@code thrum run} and then
 * {@code thrum log list} would. Prints {@code RECORDS n WARNINGS m} and each warning.
 */
public final class TornTailChild {
    public static void main(String[] args) throws Exception {
        UsageLog log = UsageLog.in(Path.of(args[0]));
        log.append(Sessions.session("after-the-tear", "Ana", "sciatica", Instant.parse("2026-03-05T09:00:00Z"),
                Sessions.step(0, "glute", Side.LEFT, 60)));
        List<SessionRecord> records = new ArrayList<>();
        List<LogWarning> warnings = new ArrayList<>();
        log.reader().read(records::add, warnings::add);
        System.out.println("RECORDS " + records.size() + " WARNINGS " + warnings.size());
        warnings.forEach(w -> System.out.println("warning: " + w));
        records.forEach(r -> System.out.println("record: " + r.id()));
    }
}
