package dev.thrum.usage;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.SessionReport;
import dev.thrum.engine.StepReport;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A disk that fills mid-session (through {@link FillingDisk}): the session's record survives in its
 * journal and reaches the log once there is space, earlier records stay byte for byte, and no torn
 * line and no temporary file is left behind.
 */
class FullDiskTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path tmp;

    private final FillingDisk disk = new FillingDisk();

    private static SessionReport report(double active, Outcome outcome) {
        StepReport step = new StepReport(0, "glute", Side.LEFT, false, 600, active, 0.5, 0.4, 0, 0, false);
        return new SessionReport("sciatica", "Sciatica routine", "Ana", T0,
                outcome == null ? null : T0.plusMillis((long) (active * 1000)), active, 0, outcome,
                new ArrayList<>(List.of(step)), List.of(), 0);
    }

    private SessionJournal journal(UsageLog log) throws Exception {
        // flush on every update, so the test decides when progress is saved
        return log.openJournal(new SessionHeader("full-1", "Ana", "sciatica", "Sciatica routine", Sessions.DEVICE),
                Clock.systemUTC(), Duration.ofNanos(1));
    }

    private List<Path> leftovers(UsageLog log) throws Exception {
        try (Stream<Path> files = Files.list(log.journalDir())) {
            return files.filter(f -> f.toString().endsWith(".tmp")).toList();
        }
    }

    private List<SessionRecord> read(UsageLog log, List<LogWarning> warnings) throws Exception {
        List<SessionRecord> out = new ArrayList<>();
        log.reader().read(out::add, warnings::add);
        return out;
    }

    @Test
    void aSessionThatEndsOnAFullDiskIsAddedAsItEndedOnceThereIsSpace() throws Exception {
        UsageLog log = UsageLog.in(tmp.resolve("data"), disk);
        log.append(Sessions.session("before", "Ben", "calves", T0.minusSeconds(86400), Sessions.step(0, "calf", Side.LEFT, 60)));
        byte[] earlier = Files.readAllBytes(log.file());
        SessionJournal j = journal(log);
        j.update(report(440, null));
        // room for the final journal snapshot, not for the log line as well
        disk.fillAfter(JournalFile.toBytes(new JournalFile.Snapshot(T0,
                SessionRecord.of(j.header(), report(450, Outcome.COMPLETED)))).length + 10);

        Exception e = assertThrows(java.io.IOException.class, () -> j.complete(report(450, Outcome.COMPLETED)));
        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains(j.path().toString())
                && e.getMessage().contains("next start"), e.getMessage());
        assertArrayEquals(earlier, Files.readAllBytes(log.file()), "no half record is left in the log");
        assertFalse(Files.exists(log.tornFile()));
        assertEquals(List.of(), leftovers(log));
        j.close();

        disk.free();
        JournalRecovery.Result result = log.recover();
        assertEquals(1, result.recovered().size(), result.toString());
        List<LogWarning> warnings = new ArrayList<>();
        List<SessionRecord> records = read(log, warnings);
        assertEquals(List.of(), warnings);
        assertEquals(2, records.size());
        SessionRecord r = records.get(1);
        assertEquals(Outcome.COMPLETED, r.outcome(), "the session is logged as it ended, not as interrupted");
        assertEquals(450, r.activeSeconds(), 0.001);
        assertFalse(Files.exists(log.tornFile()), "nothing was torn");
        assertEquals(List.of(), leftovers(log));
    }

    @Test
    void aDiskFullFromMidSessionKeepsTheLastSavedProgressAndLeavesNoTemporaryFiles() throws Exception {
        UsageLog log = UsageLog.in(tmp.resolve("data"), disk);
        SessionJournal j = journal(log);
        j.update(report(200, null));
        disk.fillAfter(100); // the disk fills: every later save fails part-way
        j.update(report(300, null));
        j.update(report(449, null));
        assertNotNull(j.lastFailure());
        assertTrue(j.lastFailure().getMessage().contains("No space left on device"), j.lastFailure().getMessage());
        assertEquals(List.of(), leftovers(log), "a failed save leaves no temporary file");
        assertThrows(java.io.IOException.class, () -> j.complete(report(450, Outcome.COMPLETED)));
        assertEquals(List.of(), leftovers(log));
        assertFalse(Files.exists(log.file()) && Files.size(log.file()) > 0, "no half record in the log");
        j.close();

        disk.free();
        log.recover();
        List<LogWarning> warnings = new ArrayList<>();
        List<SessionRecord> records = read(log, warnings);
        assertEquals(1, records.size());
        assertEquals(Outcome.INTERRUPTED, records.get(0).outcome());
        assertEquals(200, records.get(0).activeSeconds(), 0.001, "the progress saved before the disk filled survives");
        assertEquals(List.of(), warnings);
        assertFalse(Files.exists(log.tornFile()));
    }
}
