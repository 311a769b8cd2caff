package dev.thrum.usage;

import dev.thrum.testkit.ThrumLaunch;
import dev.thrum.engine.Outcome;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.thrum.usage.Sessions.session;
import static dev.thrum.usage.Sessions.step;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real process writes a journal in real time and is killed with SIGKILL; the next start recovers it. */
class CrashRecoveryTest {
    @TempDir Path dataDir;

    private static final long FLUSH_MS = 1000;

    @Test
    @Timeout(180) // a child JVM that hangs must not hang the build
    void aKilledSessionComesBackAsInterruptedWithItsTrueDuration() throws Exception {
        UsageLog log = UsageLog.in(dataDir);
        Instant earlier = Instant.parse("2026-01-05T10:00:00Z");
        log.append(session("before-1", "Ana", "sciatica", earlier, step(0, "glute", Side.LEFT, 120)));
        log.append(session("before-2", "Ben", "calves", earlier.plusSeconds(86400), step(0, "calf", Side.RIGHT, 90)));
        byte[] before = Files.readAllBytes(log.file());

        Process child = new ProcessBuilder(ThrumLaunch.mainOnClassPath(JournalChild.class.getName(), List.of(),
                dataDir.toString(), "killed-1", Long.toString(FLUSH_MS)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Instant killedAt;
        Instant startedAt;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertNotNull(line, "the child JVM ended before starting its session");
            assertTrue(line.startsWith("STARTED "), line);
            startedAt = Instant.ofEpochMilli(Long.parseLong(line.substring(8)));
            Thread.sleep(3500); // not synchronisation: the session runs 3.5 real seconds (several flushes) before the kill
            killedAt = Instant.now();
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(137, child.exitValue(), "the child should have died of SIGKILL");

        JournalRecovery.Result result = log.recover();
        assertEquals(List.of(), result.problems());
        assertEquals(1, result.recovered().size());
        SessionRecord r = result.recovered().get(0);
        assertEquals("killed-1", r.id());
        assertEquals(Outcome.INTERRUPTED, r.outcome());
        assertEquals(startedAt, r.startedAt());
        double trueSeconds = Duration.between(startedAt, killedAt).toMillis() / 1000.0;
        double recordedSeconds = r.duration().toMillis() / 1000.0;
        // Lost at most one flush interval, plus scheduling slack on a loaded machine.
        assertTrue(recordedSeconds <= trueSeconds + 0.05 && recordedSeconds >= trueSeconds - 2.5,
                "recorded " + recordedSeconds + " s, true " + trueSeconds + " s");
        assertEquals(recordedSeconds, r.activeSeconds(), 0.5);
        assertEquals(r.activeSeconds(), r.steps().get(0).actualSeconds(), 0.001);

        byte[] after = Files.readAllBytes(log.file());
        assertArrayEquals(before, Arrays.copyOf(after, before.length), "earlier records must be untouched");
        List<SessionRecord> all = new ArrayList<>();
        List<LogWarning> warnings = new ArrayList<>();
        log.reader().read(all::add, warnings::add);
        assertEquals(List.of("before-1", "before-2", "killed-1"), all.stream().map(SessionRecord::id).toList());
        assertEquals(List.of(), warnings);
        assertFalse(Files.exists(log.journalDir().resolve("killed-1.json")), "the journal is gone once recovered");

        assertEquals(List.of(), log.recover().recovered(), "a second recovery finds nothing");
    }
}
