package dev.thrum.usage;

import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.thrum.usage.Sessions.session;
import static dev.thrum.usage.Sessions.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small parts of review: dates, streaks, adherence, ids, summaries across time zones, huge lines. */
class ReviewPiecesTest {
    @TempDir Path tmp;

    @Test
    void isoDatesInTheirThreeForms() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(Instant.parse("2026-03-01T23:00:00Z"), IsoDates.start("2026-03-02", berlin));
        assertEquals(Instant.parse("2026-03-02T23:00:00Z"), IsoDates.endInclusive("2026-03-02", berlin));
        assertEquals(Instant.parse("2026-03-02T07:30:00Z"), IsoDates.start("2026-03-02T08:30", berlin));
        assertEquals(Instant.parse("2026-03-02T08:30:00Z"), IsoDates.start("2026-03-02T08:30:00Z", berlin));
        assertEquals(Instant.parse("2026-03-02T06:30:00Z"), IsoDates.start("2026-03-02T08:30:00+02:00", berlin));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IsoDates.start("2.3.2026", berlin));
        assertTrue(e.getMessage().contains("'2.3.2026' is not an ISO date"));
        assertThrows(IllegalArgumentException.class, () -> IsoDates.start("2026-02-30", berlin));
    }

    @Test
    void streaksFindTheLongestAndTheLatestRun() {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (String d : new String[] {"2026-01-01", "2026-01-02", "2026-01-03", "2026-01-05", "2026-01-06"}) {
            days.add(LocalDate.parse(d));
        }
        Streaks s = Streaks.of(days);
        assertEquals(new Streaks(5, 3, LocalDate.parse("2026-01-01"), 2, LocalDate.parse("2026-01-06")), s);
        assertEquals(LocalDate.parse("2026-01-03"), s.longestUntil());
        assertEquals(0, Streaks.of(new TreeSet<>()).longestDays());
    }

    @Test
    void adherenceCountsEmptyWeeksAndCapsEachWeekAtTheTarget() {
        Map<LocalDate, Summary.Tally> weeks = new TreeMap<>();
        Summary sum = new Summary(ZoneId.of("UTC"));
        Instant monday = Instant.parse("2026-03-02T10:00:00Z");
        for (int i = 0; i < 7; i++) sum.accept(session("a" + i, "Ana", "p", monday.plusSeconds(3600L * i), step(0, "calf", Side.LEFT, 60)));
        sum.accept(session("b", "Ana", "p", monday.plusSeconds(14 * 86400), step(0, "calf", Side.LEFT, 60)));
        weeks.putAll(sum.weeks());
        Adherence a = Adherence.of(weeks, 5, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-16"));
        assertEquals(3, a.weeks().size());
        assertEquals(List.of(7L, 0L, 1L), a.weeks().stream().map(Adherence.Week::sessions).toList());
        assertEquals(1, a.weeksOnTarget());
        assertEquals(100.0 * (5 + 0 + 1) / 15, a.percent(), 1e-9);
    }

    @Test
    void daysFollowTheChosenZone() {
        SessionRecord lateEvening = session("x", "Ana", "p", Instant.parse("2026-03-02T23:30:00Z"), step(0, "calf", Side.LEFT, 60));
        assertEquals(LocalDate.parse("2026-03-02"), new Summary(ZoneId.of("UTC")).day(lateEvening));
        assertEquals(LocalDate.parse("2026-03-03"), new Summary(ZoneId.of("Europe/Berlin")).day(lateEvening));
        assertEquals(LocalDate.parse("2026-03-02"), new Summary(ZoneId.of("America/New_York")).day(lateEvening));
    }

    @Test
    void sessionIdsSortByTimeAndDoNotRepeat() {
        Instant t = Instant.parse("2026-11-24T08:06:01.900Z");
        String id = SessionIds.next(t);
        assertTrue(id.matches("20261124-080601-[0-9a-f]{4}"), id);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) ids.add(SessionIds.next(t.plusSeconds(i)));
        assertEquals(50, ids.size());
        assertThrows(IllegalArgumentException.class, () -> new SessionHeader("../etc", null, null, null, null));
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedWithoutHoldingItInMemory() throws Exception {
        UsageLog log = UsageLog.in(tmp);
        log.append(session("s1", "Ana", "p", Instant.parse("2026-03-02T10:00:00Z"), step(0, "calf", Side.LEFT, 60)));
        try (OutputStream out = Files.newOutputStream(log.file(), java.nio.file.StandardOpenOption.APPEND)) {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 9; i++) out.write(chunk);
            out.write('\n');
        }
        log.append(session("s2", "Ana", "p", Instant.parse("2026-03-03T10:00:00Z"), step(0, "calf", Side.LEFT, 60)));
        List<SessionRecord> records = new ArrayList<>();
        List<LogWarning> warnings = new ArrayList<>();
        log.reader().read(records::add, warnings::add);
        assertEquals(List.of("s1", "s2"), records.stream().map(SessionRecord::id).toList());
        assertEquals(1, warnings.size());
        assertEquals(2, warnings.get(0).line());
        assertTrue(warnings.get(0).reason().contains("longer than 8 MB"));
    }

    @Test
    void csvCellsAreQuotedOnlyWhenNeededAndFormulasAreDefused() {
        java.io.StringWriter w = new java.io.StringWriter();
        CsvExport csv = new CsvExport(w);
        csv.accept(new SessionRecord("s1", "=HYPERLINK(\"x\")", "p,1", "line\nbreak", null,
                Instant.parse("2026-03-02T10:00:00Z"), null, 60, 0, null, 0, List.of(), List.of()));
        String[] lines = w.toString().split("\r\n", -1);
        assertEquals(CsvExport.COLUMNS.size(), lines[0].split(",").length);
        assertTrue(lines[1].startsWith("s1,\"'=HYPERLINK(\"\"x\"\")\",\"p,1\",\"line\nbreak\",,,2026-03-02T10:00:00Z,,60,0,,0"),
                w.toString());
        assertEquals(new String(new byte[0], StandardCharsets.UTF_8), lines[lines.length - 1]);
    }
}
