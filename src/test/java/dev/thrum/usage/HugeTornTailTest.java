package dev.thrum.usage;

import dev.thrum.testkit.ThrumLaunch;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A torn last line of any size is dealt with in bounded memory: it is copied aside byte for byte and
 * cut off, and the log stays readable and appendable (a 48 MB tail once made every append and read
 * run out of memory under the unit file's -Xmx48m).
 */
class HugeTornTailTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path tmp;

    /** Writes two good records, then a torn line of {@code tailBytes} (JSON that never ends), no newline. */
    private byte[] logWithTornTail(UsageLog log, long tailBytes) throws IOException {
        log.append(Sessions.session("s1", "Ana", "sciatica", T0, Sessions.step(0, "glute", Side.LEFT, 90)));
        log.append(Sessions.session("s2", "Ben", "calves", T0.plusSeconds(86400), Sessions.step(0, "calf", Side.LEFT, 60)));
        byte[] good = Files.readAllBytes(log.file());
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        byte[] head = "{\"schema\":\"thrum.session/1\",\"id\":\"s3\",\"note\":\"".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(log.file(), java.nio.file.StandardOpenOption.APPEND)) {
            out.write(head);
            for (long left = tailBytes - head.length; left > 0; left -= chunk.length) out.write(chunk, 0, (int) Math.min(left, chunk.length));
        }
        return good;
    }

    @Test
    void aTornTailLongerThanTheLongestLineIsMovedAsideWhole() throws Exception {
        UsageLog log = UsageLog.in(tmp.resolve("data"));
        long tail = LineScanner.MAX_LINE + 12_345L;
        byte[] good = logWithTornTail(log, tail);
        log.append(Sessions.session("s4", "Ana", "sciatica", T0.plusSeconds(2 * 86400), Sessions.step(0, "calf", Side.RIGHT, 30)));

        byte[] after = Files.readAllBytes(log.file());
        assertArrayEquals(good, Arrays.copyOf(after, good.length), "earlier records are byte for byte the same");
        assertEquals(tail + 1, Files.size(log.tornFile()), "the whole torn line is kept aside, with a newline");
        List<SessionRecord> records = new ArrayList<>();
        List<LogWarning> warnings = new ArrayList<>();
        log.reader().read(records::add, warnings::add);
        assertEquals(List.of("s1", "s2", "s4"), records.stream().map(SessionRecord::id).toList());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aSmallHeapAppendsAndReadsPastAFortyEightMegabyteTornTail() throws Exception {
        Path data = tmp.resolve("data");
        UsageLog log = UsageLog.in(data);
        long tail = 48L << 20;
        byte[] good = logWithTornTail(log, tail);

        Path output = tmp.resolve("child.out");
        Process child = new ProcessBuilder(ThrumLaunch.mainOnClassPath(TornTailChild.class.getName(),
                List.of("-Xmx48m", "-XX:TieredStopAtLevel=1"), data.toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) child.destroyForcibly();
        String out = Files.readString(output);
        assertTrue(ended, "the child hung:\n" + out);
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("RECORDS 3 WARNINGS 0"), out);
        assertArrayEquals(good, Arrays.copyOf(Files.readAllBytes(log.file()), good.length));
        assertEquals(tail + 1, Files.size(log.tornFile()));
    }
}
