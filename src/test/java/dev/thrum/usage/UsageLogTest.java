package dev.thrum.usage;

import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.thrum.usage.Sessions.session;
import static dev.thrum.usage.Sessions.step;
import static dev.thrum.usage.TextAssert.assertContains;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageLogTest {
    @TempDir Path tmp;

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private List<SessionRecord> readAll(UsageLog log, List<LogWarning> warnings) throws LogFileException {
        List<SessionRecord> out = new ArrayList<>();
        log.reader().read(out::add, warnings::add);
        return out;
    }

    @Test
    void appendedRecordsReadBackEqual() throws Exception {
        UsageLog log = UsageLog.in(tmp.resolve("data/thrum"));
        SessionRecord a = session("s1", "Ana", "sciatica", T0, step(0, "glute", Side.LEFT, 90), Sessions.rest(1, 15),
                step(2, "calf", Side.RIGHT, 60.5));
        SessionRecord b = session("s2", "Ben", "calves", T0.plusSeconds(86400), step(0, "calf", Side.LEFT, 120));
        log.append(a);
        log.append(b);
        List<LogWarning> warnings = new ArrayList<>();
        assertEquals(List.of(a, b), readAll(log, warnings));
        assertEquals(List.of(), warnings);
    }

    @Test
    void filesAndDirectoriesAreOwnerOnly() throws Exception {
        UsageLog log = UsageLog.in(tmp.resolve("xdg/thrum"));
        log.append(session("s1", "Ana", "p", T0, step(0, "calf", Side.LEFT, 30)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("xdg"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log.dataDir())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file())));
    }

    @Test
    void tornLastLineAndCorruptMiddleLineAreSkippedWithTheirLineNumbers() throws Exception {
        UsageLog log = UsageLog.in(tmp);
        SessionRecord a = session("s1", "Ana", "p", T0, step(0, "calf", Side.LEFT, 30));
        SessionRecord b = session("s2", "Ana", "p", T0.plusSeconds(3600), step(0, "calf", Side.RIGHT, 40));
        SessionRecord c = session("s3", "Ana", "p", T0.plusSeconds(7200), step(0, "glute", Side.LEFT, 50));
        log.append(a);
        Files.write(log.file(), "{\"schema\":\"thrum.session/1\",\"id\":garbage}\n".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        log.append(b);
        byte[] torn = Arrays.copyOf(RecordJson.toLine(c), 40);
        Files.write(log.file(), torn, java.nio.file.StandardOpenOption.APPEND);

        List<LogWarning> warnings = new ArrayList<>();
        assertEquals(List.of(a, b), readAll(log, warnings));
        assertEquals(List.of(2L, 4L), warnings.stream().map(LogWarning::line).toList());
        assertContains(warnings.get(1).reason(), "incomplete");
        assertContains(warnings.get(0).toString(), log.file().toString(), "line 2");
    }

    @Test
    void appendingAfterATornLineKeepsItAsideAndLeavesGoodBytesUntouched() throws Exception {
        UsageLog log = UsageLog.in(tmp);
        log.append(session("s1", "Ana", "p", T0, step(0, "calf", Side.LEFT, 30)));
        log.append(session("s2", "Ana", "p", T0.plusSeconds(60), step(0, "calf", Side.LEFT, 30)));
        byte[] good = Files.readAllBytes(log.file());
        byte[] torn = "{\"schema\":\"thrum.session/1\",\"id\":\"s3\",\"cli".getBytes(StandardCharsets.UTF_8);
        Files.write(log.file(), torn, java.nio.file.StandardOpenOption.APPEND);

        SessionRecord d = session("s4", "Ana", "p", T0.plusSeconds(120), step(0, "glute", Side.RIGHT, 45));
        log.append(d);

        byte[] after = Files.readAllBytes(log.file());
        assertArrayEquals(good, Arrays.copyOf(after, good.length));
        assertEquals(new String(torn, StandardCharsets.UTF_8) + "\n", Files.readString(log.tornFile()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log.tornFile())));
        List<LogWarning> warnings = new ArrayList<>();
        List<SessionRecord> all = readAll(log, warnings);
        assertEquals(List.of("s1", "s2", "s4"), all.stream().map(SessionRecord::id).toList());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aWholeRecordMissingOnlyItsNewlineIsKept() throws Exception {
        UsageLog log = UsageLog.in(tmp);
        SessionRecord a = session("s1", "Ana", "p", T0, step(0, "calf", Side.LEFT, 30));
        byte[] line = RecordJson.toLine(a);
        Files.write(log.file(), Arrays.copyOf(line, line.length - 1));
        log.append(session("s2", "Ana", "p", T0.plusSeconds(60), step(0, "calf", Side.LEFT, 30)));
        assertEquals(List.of("s1", "s2"), readAll(log, new ArrayList<>()).stream().map(SessionRecord::id).toList());
        assertFalse(Files.exists(log.tornFile()));
    }

    @Test
    void aForeignFileIsRefusedWithItsPathAndReason() throws IOException {
        Path csv = tmp.resolve("notes.csv");
        Files.writeString(csv, "date,minutes\n2026-01-01,20\n");
        LogFileException e = assertThrows(LogFileException.class, () -> LogReader.of(csv).read(r -> {}, w -> {}));
        assertContains(e.getMessage(), csv.toString(), "not a Thrum usage log", "line 1");

        Path json = tmp.resolve("other.jsonl");
        Files.writeString(json, "{\"name\":\"x\"}\n{\"name\":\"y\"}\n");
        assertContains(assertThrows(LogFileException.class, () -> LogReader.of(json).read(r -> {}, w -> {})).getMessage(),
                "not a Thrum usage log");

        Path binary = tmp.resolve("bin");
        Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1});
        assertContains(assertThrows(LogFileException.class, () -> LogReader.of(binary).read(r -> {}, w -> {})).getMessage(),
                "binary");
    }

    @Test
    void missingAndDirectoryPathsAreRefused() {
        assertContains(assertThrows(LogFileException.class, () -> LogReader.of(tmp.resolve("nope")).read(r -> {}, w -> {}))
                .getMessage(), "nope", "no such file");
        assertContains(assertThrows(LogFileException.class, () -> LogReader.of(tmp).read(r -> {}, w -> {}))
                .getMessage(), "is a directory");
    }

    @Test
    void aLogWhoseFirstLineIsCorruptIsStillALog() throws Exception {
        UsageLog log = UsageLog.in(tmp);
        Files.writeString(log.file(), "not json at all\n");
        log.append(session("s1", "Ana", "p", T0, step(0, "calf", Side.LEFT, 30)));
        List<LogWarning> warnings = new ArrayList<>();
        assertEquals(1, readAll(log, warnings).size());
        assertEquals(List.of(1L), warnings.stream().map(LogWarning::line).toList());
    }

    @Test
    void aNewerSchemaIsSkippedWithAWarningSayingSo() throws Exception {
        UsageLog log = UsageLog.in(tmp);
        log.append(session("s1", "Ana", "p", T0, step(0, "calf", Side.LEFT, 30)));
        Files.writeString(log.file(), "{\"schema\":\"thrum.session/3\",\"id\":\"x\"}\n", java.nio.file.StandardOpenOption.APPEND);
        List<LogWarning> warnings = new ArrayList<>();
        assertEquals(1, readAll(log, warnings).size());
        assertContains(warnings.get(0).reason(), "thrum.session/3");
        assertTrue(warnings.get(0).line() == 2);
    }
}
