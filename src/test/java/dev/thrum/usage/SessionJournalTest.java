package dev.thrum.usage;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.SessionReport;
import dev.thrum.engine.StepReport;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionJournalTest {
    @TempDir Path dataDir;

    private static final Instant T0 = Instant.parse("2026-04-01T18:00:00Z");
    private static final SessionHeader HEADER =
            new SessionHeader("j1", "Ana", "sciatica", "Sciatica routine", Sessions.DEVICE);

    /** A clock and a nano ticker the test moves by hand. */
    private final AtomicLong nanos = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return T0.plusNanos(nanos.get()); }
    };

    private SessionJournal open(UsageLog log) throws Exception {
        return SessionJournal.open(log, HEADER, clock, Duration.ofSeconds(2), nanos::get);
    }

    private static SessionReport running(double active) {
        return Sessions.runningReport("Ana", "sciatica", T0, active,
                List.of(new StepReport(0, "glute", Side.LEFT, false, 300, active, 0.5, 0.4, 0, 1, false)));
    }

    private JournalFile.Snapshot onDisk(SessionJournal j) throws Exception {
        return JournalFile.parse(Files.readAllBytes(j.path()));
    }

    @Test
    void updatesReachTheDiskOncePerInterval() throws Exception {
        SessionJournal j = open(UsageLog.in(dataDir));
        assertEquals(T0, onDisk(j).savedAt(), "opening saves at once");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(j.path())));
        for (int tick = 1; tick <= 19; tick++) { // 1.9 s of 100 ms ticks: not yet due
            nanos.addAndGet(100_000_000);
            j.update(running(tick / 10.0));
        }
        assertEquals(T0, onDisk(j).savedAt());
        nanos.addAndGet(100_000_000);
        j.update(running(2.0));
        JournalFile.Snapshot s = onDisk(j);
        assertEquals(T0.plusSeconds(2), s.savedAt());
        assertEquals(2.0, s.session().activeSeconds());
        assertNull(s.session().outcome());
        j.close();
    }

    @Test
    void completeAppendsTheRecordAndDeletesTheJournal() throws Exception {
        UsageLog log = UsageLog.in(dataDir);
        SessionJournal j = open(log);
        nanos.addAndGet(5_000_000_000L);
        j.update(running(5));
        SessionReport done = new SessionReport("sciatica", "Sciatica routine", "Ana", T0, T0.plusSeconds(300),
                290, 10, Outcome.COMPLETED,
                List.of(new StepReport(0, "glute", Side.LEFT, false, 300, 290, 0.6, 0.5, 0, 1, false)), List.of(), 0);
        SessionRecord r = j.complete(done);
        assertEquals(Outcome.COMPLETED, r.outcome());
        assertEquals(Sessions.DEVICE, r.device());
        assertFalse(Files.exists(j.path()));
        assertFalse(Files.exists(log.journalDir().resolve("j1.lock")));
        List<SessionRecord> all = new ArrayList<>();
        log.reader().read(all::add, w -> {});
        assertEquals(List.of(r), all);
        assertThrows(IllegalStateException.class, () -> j.update(running(1)));
        assertEquals(List.of(), log.recover().recovered());
    }

    @Test
    void recoveryLeavesALiveSessionAloneAndRecoversItOnceReleased() throws Exception {
        UsageLog log = UsageLog.in(dataDir);
        SessionJournal j = open(log);
        nanos.addAndGet(3_000_000_000L);
        j.update(running(3));
        assertEquals(List.of(), log.recover().recovered(), "the lock says the session is alive");
        assertTrue(Files.exists(j.path()));

        nanos.addAndGet(500_000_000L);
        j.update(running(3.5)); // not yet due, but close() saves what it has
        j.close();
        List<SessionRecord> recovered = log.recover().recovered();
        assertEquals(1, recovered.size());
        SessionRecord r = recovered.get(0);
        assertEquals(Outcome.INTERRUPTED, r.outcome());
        assertEquals(T0.plusMillis(3500), r.endedAt());
        assertEquals(3.5, r.activeSeconds());
        assertTrue(r.warnings().get(r.warnings().size() - 1).contains("recovered"));
    }

    @Test
    void aRecordAlreadyAppendedIsNotAppendedTwice() throws Exception {
        // A crash between "append final record" and "delete journal" leaves both behind.
        UsageLog log = UsageLog.in(dataDir);
        SessionJournal j = open(log);
        j.close();
        byte[] journal = Files.readAllBytes(j.path());
        assertEquals(1, log.recover().recovered().size());
        Files.write(j.path(), journal);
        assertEquals(List.of(), log.recover().recovered());
        List<SessionRecord> all = new ArrayList<>();
        log.reader().read(all::add, w -> {});
        assertEquals(1, all.size());
    }

    @Test
    void aDamagedJournalIsKeptAsideAndReported() throws Exception {
        UsageLog log = UsageLog.in(dataDir);
        Files.createDirectories(log.journalDir());
        Files.writeString(log.journalDir().resolve("x.json"), "{\"journal\":\"thrum.jour");
        JournalRecovery.Result r = log.recover();
        assertEquals(List.of(), r.recovered());
        assertEquals(1, r.problems().size());
        assertTrue(Files.exists(log.journalDir().resolve("x.json.bad")));
    }

    @Test
    void aFailingSaveIsReportedButNeverStopsTheSession() throws Exception {
        UsageLog log = UsageLog.in(dataDir);
        SessionJournal j = open(log);
        // Pull the directory away under the running session: saving must fail.
        Files.delete(j.path());
        Files.delete(log.journalDir().resolve("j1.lock"));
        Files.delete(log.journalDir());
        Files.writeString(log.journalDir(), "not a directory");
        nanos.addAndGet(2_000_000_000L);
        j.update(running(2)); // must not throw
        assertTrue(j.lastFailure() != null);
        // The final record still reaches the log.
        Files.delete(log.journalDir());
        SessionRecord r = j.complete(new SessionReport("sciatica", "Sciatica routine", "Ana", T0, T0.plusSeconds(5), 5, 0,
                Outcome.STOPPED_BY_USER, List.of(), List.of(), 0));
        List<SessionRecord> all = new ArrayList<>();
        log.reader().read(all::add, w -> {});
        assertEquals(List.of(r), all);
    }
}
