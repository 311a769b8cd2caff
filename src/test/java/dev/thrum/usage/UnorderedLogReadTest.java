package dev.thrum.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The parallel read for totals gives the sequential read's answer, and falls back to it for anything but records. */
class UnorderedLogReadTest {

    @TempDir Path dir;

    private Path generated(int sessions) throws IOException {
        Path log = dir.resolve("usage.jsonl");
        LogGenerator.write(log, sessions, Instant.parse("2020-01-06T08:00:00Z"), Duration.ofDays(400), 7);
        return log;
    }

    private static Summary sequential(Path log, List<LogWarning> warnings) throws LogFileException {
        Summary s = new Summary(ZoneOffset.UTC);
        LogReader.of(log).read(s, warnings::add);
        return s;
    }

    private static Summary merged(List<Summary> parts) {
        Summary total = new Summary(ZoneOffset.UTC);
        parts.forEach(total::add);
        return total;
    }

    @Test
    void fourChunksGiveTheSequentialTotals() throws Exception {
        Path log = generated(2_000);
        List<Summary> parts = UnorderedLogRead.tryParallel(log, 4, () -> new Summary(ZoneOffset.UTC));
        assertNotNull(parts, "a log of plain records is read in parallel");
        assertEquals(4, parts.size());
        assertTrue(parts.stream().allMatch(p -> p.sessions() > 0), "every chunk had records");
        assertSameTotals(sequential(log, new ArrayList<>()), merged(parts));
    }

    @Test
    void chunksStartAtLineStartsEvenWithMoreChunksThanLines() throws Exception {
        Path file = dir.resolve("lines.txt");
        Files.writeString(file, "a\nbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n\nccc\n", StandardCharsets.US_ASCII);
        byte[] bytes = Files.readAllBytes(file);
        for (int chunks = 1; chunks <= 12; chunks++) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long[] b = UnorderedLogRead.lineBounds(ch, chunks);
                assertEquals(0, b[0]);
                assertEquals(bytes.length, b[chunks]);
                for (int i = 1; i <= chunks; i++) {
                    assertTrue(b[i] >= b[i - 1], "bounds in order for " + chunks + " chunks");
                    assertTrue(b[i] == bytes.length || bytes[(int) b[i] - 1] == '\n', "chunk " + i + " starts a line");
                }
            }
        }
    }

    @Test
    void aBadLineFallsBackToTheOrderedReadWithItsLineNumber() throws Exception {
        Path log = generated(600);
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        lines.add(450, "{\"schema\": \"thrum.session/2\", \"id\": ");
        Files.write(log, lines);
        assertNull(UnorderedLogRead.tryParallel(log, 3, () -> new Summary(ZoneOffset.UTC)));

        List<LogWarning> got = new ArrayList<>();
        List<Summary> parts = UnorderedLogRead.read(log, 3, () -> new Summary(ZoneOffset.UTC), got::add);
        assertEquals(1, parts.size(), "one ordered read");
        assertEquals(1, got.size(), got.toString());
        assertEquals(451, got.get(0).line());
        List<LogWarning> expected = new ArrayList<>();
        assertSameTotals(sequential(log, expected), parts.get(0));
        assertEquals(expected, got);
    }

    @Test
    void aTornLastLineFallsBackAndIsReported() throws Exception {
        Path log = generated(300);
        Files.writeString(log, "{\"schema\": \"thrum.session/2\", \"id\": \"x", StandardOpenOption.APPEND);
        List<LogWarning> got = new ArrayList<>();
        List<Summary> parts = UnorderedLogRead.read(log, 2, () -> new Summary(ZoneOffset.UTC), got::add);
        assertEquals(1, parts.size());
        assertEquals(301, got.get(0).line());
        assertTrue(got.get(0).reason().contains("incomplete"), got.get(0).reason());
        assertEquals(300, parts.get(0).sessions());
    }

    @Test
    void aSmallLogIsReadOnOneThread() throws Exception {
        Path log = generated(50);
        assertEquals(1, UnorderedLogRead.threadsFor(log));
        assertEquals(1, UnorderedLogRead.threadsFor(dir.resolve("missing.jsonl")));
    }

    static void assertSameTotals(Summary want, Summary got) {
        assertEquals(want.sessions(), got.sessions());
        assertEquals(want.activeSeconds(), got.activeSeconds(), 1e-6);
        assertEquals(want.pausedSeconds(), got.pausedSeconds(), 1e-6);
        assertEquals(want.treatmentSeconds(), got.treatmentSeconds(), 1e-6);
        assertEquals(want.outcomes(), got.outcomes());
        assertEquals(want.regions().keySet(), got.regions().keySet());
        want.regions().forEach((region, sides) -> {
            for (int i = 0; i < sides.length; i++) {
                Summary.Tally w = sides[i], g = got.regions().get(region)[i];
                if (w == null) { assertNull(g, region + " side " + i); continue; }
                assertEquals(w.seconds(), g.seconds(), 1e-6, region + " side " + i);
                assertEquals(w.sessions(), g.sessions(), region + " side " + i);
            }
        });
        assertTallies(want.days(), got.days());
        assertTallies(want.programs(), got.programs());
        assertTallies(want.clients(), got.clients());
    }

    private static <K> void assertTallies(Map<K, Summary.Tally> want, Map<K, Summary.Tally> got) {
        assertEquals(want.keySet(), got.keySet());
        want.forEach((k, w) -> {
            assertEquals(w.seconds(), got.get(k).seconds(), 1e-6, String.valueOf(k));
            assertEquals(w.sessions(), got.get(k).sessions(), String.valueOf(k));
        });
    }
}
