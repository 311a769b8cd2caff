package dev.thrum.usage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Generated usage logs (a fixed seed, a bounded number of cases, so CI runs the same ones) mixing
 * good records with damaged lines of many kinds. The reader must: read every good record, name the
 * file and the line of every bad one, never leak internal exception text or raw control bytes, and
 * refuse only a file with no record in its first lines. An append afterwards must not change one
 * byte before it (a torn last line goes, whole, to the .torn file).
 */
class UsageLogFuzzTest {

    private static final int CASES = 250;
    private static final long SEED = 0x7417_13L;
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    /** Text that would mean an internal exception leaked into a message for people. */
    private static final Pattern INTERNAL = Pattern.compile(
            "Exception|\\bat \\[Source|REDACTED|com\\.fasterxml|java\\.(lang|io|util)\\.|\\tat |\\$[A-Z]|@[0-9a-f]{6,}");

    @TempDir
    Path tmp;

    /** One generated line: its bytes and whether it is a good record (with its id). */
    private record Line(byte[] bytes, String goodId) {}

    @Test
    void generatedLogsAreReadForgivinglyAndAppendedWithoutTouchingEarlierBytes() throws Exception {
        Random rnd = new Random(SEED);
        int refused = 0, torn = 0, badLines = 0;
        for (int c = 0; c < CASES; c++) {
            Path dir = tmp.resolve("case-" + c);
            UsageLog log = UsageLog.in(dir);
            Files.createDirectories(dir);
            List<Line> lines = generate(rnd, c);
            boolean tornTail = rnd.nextInt(4) == 0;
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (int i = 0; i < lines.size(); i++) {
                file.write(lines.get(i).bytes());
                if (i < lines.size() - 1 || !tornTail) file.write('\n');
            }
            byte[] before = file.toByteArray();
            Files.write(log.file(), before);
            String where = "case " + c + " (seed " + SEED + ")";

            List<SessionRecord> records = new ArrayList<>();
            List<LogWarning> warnings = new ArrayList<>();
            List<String> expectedIds = lines.stream().filter(l -> l.goodId() != null).map(Line::goodId).toList();
            boolean probeHasRecord = firstNonBlank(lines, LogReader.FOREIGN_PROBE_LINES).stream().anyMatch(l -> l.goodId() != null);
            try {
                log.reader().read(records::add, warnings::add);
            } catch (LogFileException e) {
                refused++;
                assertFalse(probeHasRecord, where + ": refused although a record is among the first lines: " + e.getMessage());
                assertTrue(e.getMessage().contains(log.file().toString()) && e.getMessage().contains("not a Thrum usage log"),
                        where + ": " + e.getMessage());
                assertClean(e.getMessage(), where);
                continue;
            }
            assertTrue(probeHasRecord || expectedIds.isEmpty() || !warnings.isEmpty() || records.size() == expectedIds.size(), where);
            assertEquals(expectedIds, records.stream().map(SessionRecord::id).toList(), where + ": every good record is read, in order");
            Set<Long> badNumbers = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                if (l.goodId() == null && !isBlank(l.bytes())) badNumbers.add((long) i + 1);
            }
            for (LogWarning w : warnings) {
                assertEquals(log.file(), w.file(), where);
                assertTrue(badNumbers.contains(w.line()), where + ": warning for line " + w.line() + " which is not bad: " + w);
                assertClean(w.toString(), where);
            }
            assertEquals(badNumbers.size(), warnings.size(), where + ": one warning per bad line: " + warnings);
            badLines += warnings.size();

            // an append keeps every earlier byte; only a torn last line is moved aside, whole
            log.append(Sessions.session("appended-" + c, "Ana", "sciatica", T0.plusSeconds(c), Sessions.step(0, "calf", dev.thrum.program.Side.LEFT, 30)));
            byte[] after = Files.readAllBytes(log.file());
            int kept = before.length;
            Line last = lines.get(lines.size() - 1);
            if (tornTail && last.goodId() == null && last.bytes().length > 0) {
                kept = before.length - last.bytes().length;
                torn++;
                assertArrayEquals(concat(last.bytes(), new byte[] {'\n'}), Files.readAllBytes(log.tornFile()), where);
            }
            assertArrayEquals(Arrays.copyOf(before, kept), Arrays.copyOf(after, kept), where + ": an earlier byte changed");
            List<SessionRecord> again = new ArrayList<>();
            log.reader().read(again::add, w -> { });
            assertEquals("appended-" + c, again.get(again.size() - 1).id(), where);
            assertEquals(expectedIds.size() + 1, again.size(), where);
        }
        System.out.printf("usage-log fuzz: %d cases, %d refused as foreign, %d torn tails moved aside, %d bad lines reported%n",
                CASES, refused, torn, badLines);
        assertTrue(refused > 0 && torn > 0 && badLines > CASES, "the generator covers every path");
    }

    private static List<Line> firstNonBlank(List<Line> lines, int n) {
        return lines.stream().filter(l -> !isBlank(l.bytes())).limit(n).toList();
    }

    private static void assertClean(String message, String where) {
        assertFalse(INTERNAL.matcher(message).find(), where + ": internal text in \"" + message + "\"");
        for (char ch : message.toCharArray())
            assertFalse(Character.isISOControl(ch) && ch != '\n', where + ": a control character reaches the terminal: " + message);
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) if (x != ' ' && x != '\t' && x != '\r') return false;
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---- the generator ----

    private static List<Line> generate(Random rnd, int c) {
        List<Line> lines = new ArrayList<>();
        int n = 1 + rnd.nextInt(14);
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(3) == 0) {
                String id = "c" + c + "-" + i;
                byte[] good = RecordJson.toLine(LogGenerator.session(i, T0.plusSeconds(i * 3600L), rnd));
                lines.add(new Line(withId(good, id), id));
            } else {
                lines.add(new Line(damaged(rnd, c, i), null));
            }
        }
        return lines;
    }

    /** A good record's line (without its newline) carrying {@code id}. */
    private static byte[] withId(byte[] line, String id) {
        String s = new String(line, StandardCharsets.UTF_8).strip();
        return s.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + id + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] damaged(Random rnd, int c, int i) {
        String good = new String(RecordJson.toLine(LogGenerator.session(i, T0, rnd)), StandardCharsets.UTF_8).strip();
        return switch (rnd.nextInt(14)) {
            case 0 -> randomBytes(rnd, 1 + rnd.nextInt(200));                                   // noise, NUL, control bytes
            case 1 -> good.substring(0, rnd.nextInt(good.length())).getBytes(StandardCharsets.UTF_8); // cut short
            case 2 -> good.replaceFirst("\"activeSeconds\":[0-9.]+", "\"activeSeconds\":\"lots\"").getBytes(StandardCharsets.UTF_8);
            case 3 -> good.replaceFirst("\"outcome\":\"[a-z_]+\"", "\"outcome\":\"exploded\"").getBytes(StandardCharsets.UTF_8);
            case 4 -> good.replaceFirst("thrum\\.session/[0-9]+", "thrum.session/9").getBytes(StandardCharsets.UTF_8); // a newer schema
            case 5 -> ("[".repeat(1 + rnd.nextInt(5000))).getBytes(StandardCharsets.UTF_8);   // deep nesting
            case 6 -> good.replaceFirst("\"activeSeconds\":[0-9.]+", "\"activeSeconds\":1e999999").getBytes(StandardCharsets.UTF_8);
            case 7 -> (good + "garbage").getBytes(StandardCharsets.UTF_8);
            case 8 -> new byte[] {(byte) 0xC3, (byte) 0x28, '{', (byte) 0xFF};                  // not UTF-8
            case 9 -> ("{\"schema\":\"thrum.session/1\",\"id\":\"\u001b]0;pwned\u0007\u001b[2J\"}").getBytes(StandardCharsets.UTF_8);
            case 10 -> "plain text, not JSON, \u001b[31mred\u001b[0m".getBytes(StandardCharsets.UTF_8);
            case 11 -> good.replaceFirst("\"steps\":\\[", "\"steps\":[null,").getBytes(StandardCharsets.UTF_8);
            case 12 -> good.replaceFirst("\"startedAt\":\"[^\"]+\"", "\"startedAt\":\"yesterday\"").getBytes(StandardCharsets.UTF_8);
            default -> "{}".getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        for (int k = 0; k < n; k++) if (b[k] == '\n') b[k] = 0; // one line
        return b;
    }
}
