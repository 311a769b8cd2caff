package dev.thrum.usage;

import dev.thrum.engine.StepReport;
import dev.thrum.program.Side;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Run as a separate JVM by {@link CrashRecoveryTest}: a simulated session that feeds its journal
 * every 100 ms of real time until it is killed. Arguments: data directory, session id, flush millis.
 */
public final class JournalChild {
    public static void main(String[] args) throws Exception {
        UsageLog log = UsageLog.in(Path.of(args[0]));
        Clock clock = Clock.systemUTC();
        Duration flushEvery = Duration.ofMillis(Long.parseLong(args[2]));
        SessionJournal journal = log.openJournal(
                new SessionHeader(args[1], "Ana", "sciatica", "Sciatica routine", Sessions.DEVICE), clock, flushEvery);
        Instant start = clock.instant();
        System.out.println("STARTED " + start.toEpochMilli());
        System.out.flush();
        while (true) {
            double elapsed = Duration.between(start, clock.instant()).toMillis() / 1000.0;
            StepReport step = new StepReport(0, "glute", Side.LEFT, false, 600, elapsed, 0.5, 0.4, 0, 0, false);
            journal.update(Sessions.runningReport("Ana", "sciatica", start, elapsed, List.of(step)));
            Thread.sleep(100); // not synchronisation: a session's progress arrives every 100 ms of real time
        }
    }
}
