package dev.thrum.usage;

import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static dev.thrum.usage.Sessions.session;
import static dev.thrum.usage.Sessions.step;
import static dev.thrum.usage.TextAssert.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pain scores in the usage log: the fields, schema 2 with version 1 still read, and outcome lines. */
class PainScoresLogTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    @TempDir Path tmp;

    private List<SessionRecord> read(UsageLog log, List<LogWarning> warnings) throws LogFileException {
        List<SessionRecord> out = new ArrayList<>();
        log.reader().read(out::add, warnings::add);
        return out;
    }

    @Test
    void painFieldsAreWrittenOnlyWhenGivenAndReadBack() throws Exception {
        UsageLog log = UsageLog.in(tmp);
        log.append(session("s1", "Ana", "neck", T0, step(0, "neck", Side.NONE, 60))
                .withPain(new PainScores(6, 3, List.of("neck", "upper-back"), "better \"after\"")));
        log.append(session("s2", "Ana", "neck", T0.plusSeconds(3600), step(0, "neck", Side.NONE, 60)));
        String text = Files.readString(log.file());
        String[] lines = text.split("\n");
        assertContains(lines[0], "\"schema\":\"thrum.session/2\"");
        assertContains(lines[0], "\"painBefore\":6,\"painAfter\":3,\"painRegions\":[\"neck\",\"upper-back\"],\"note\":\"better \\\"after\\\"\"");
        assertFalse(lines[1].contains("pain"), lines[1]);
        List<LogWarning> warnings = new ArrayList<>();
        List<SessionRecord> rs = read(log, warnings);
        assertEquals(List.of(), warnings);
        assertEquals(new PainScores(6, 3, List.of("neck", "upper-back"), "better \"after\""), rs.get(0).pain());
        assertEquals(PainScores.NONE, rs.get(1).pain());
    }

    @Test
    void aVersion1RecordIsStillReadWithoutPainScores() throws Exception {
        UsageLog log = UsageLog.in(tmp);
        Files.writeString(log.file(), "{\"schema\":\"thrum.session/1\",\"id\":\"20261124-080601-7f3a\",\"client\":\"Ana\","
                + "\"programId\":\"sciatica\",\"programName\":\"Sciatica, gentle\",\"device\":{\"profile\":\"theragun-gen4\","
                + "\"address\":\"AA:BB:CC:DD:EE:FF\"},\"startedAt\":\"2026-11-24T08:06:01.250Z\",\"endedAt\":\"2026-11-24T08:21:40Z\","
                + "\"activeSeconds\":905.2,\"pausedSeconds\":34.0,\"outcome\":\"completed\",\"interruptions\":1,\"warnings\":[],"
                + "\"steps\":[{\"index\":0,\"region\":\"glute\",\"side\":\"left\",\"rest\":false,\"plannedSeconds\":300.0,"
                + "\"actualSeconds\":300.0,\"peakIntensity\":0.55,\"meanIntensity\":0.48,\"softer\":1,\"harder\":0,\"skipped\":false}]}\n");
        List<LogWarning> warnings = new ArrayList<>();
        List<SessionRecord> rs = read(log, warnings);
        assertEquals(List.of(), warnings);
        assertEquals(1, rs.size());
        assertEquals(905.2, rs.get(0).activeSeconds());
        assertTrue(rs.get(0).pain().isEmpty());
    }

    @Test
    void anOutcomeLineIsFoldedIntoItsSessionEvenAfterOtherSessions() throws Exception {
        UsageLog log = UsageLog.in(tmp);
        log.append(session("s1", "Ana", "neck", T0, step(0, "neck", Side.NONE, 60)).withPain(new PainScores(7, null, List.of("neck"), null)));
        log.append(session("s2", "Bo", "calves", T0.plusSeconds(900), step(0, "calf", Side.LEFT, 60)));
        log.appendOutcome(new OutcomeNote("s1", T0.plusSeconds(1000), new PainScores(null, 4, List.of(), "less stiff")));
        List<LogWarning> warnings = new ArrayList<>();
        List<SessionRecord> rs = read(log, warnings);
        assertEquals(List.of(), warnings);
        assertEquals(2, rs.size(), "the outcome line is not a session");
        assertEquals(new PainScores(7, 4, List.of("neck"), "less stiff"), rs.get(0).pain());
        assertEquals(PainScores.NONE, rs.get(1).pain());
    }

    @Test
    void badPainValuesAndOrphanOutcomesAreSkippedWithWarningsNamingTheLine() throws Exception {
        UsageLog log = UsageLog.in(tmp);
        log.append(session("s1", "Ana", "neck", T0, step(0, "neck", Side.NONE, 60)));
        String good = new String(RecordJson.toLine(session("s2", "Ana", "neck", T0.plusSeconds(60), step(0, "neck", Side.NONE, 60))),
                StandardCharsets.UTF_8);
        Files.writeString(log.file(), good.replace("\"warnings\"", "\"painBefore\":11,\"warnings\""), StandardOpenOption.APPEND);
        Files.writeString(log.file(), "{\"schema\":\"thrum.outcome/1\",\"session\":\"nope\",\"painAfter\":2}\n", StandardOpenOption.APPEND);
        Files.writeString(log.file(), "{\"schema\":\"thrum.outcome/1\",\"session\":\"s1\",\"painAfter\":\"two\"}\n", StandardOpenOption.APPEND);
        List<LogWarning> warnings = new ArrayList<>();
        List<SessionRecord> rs = read(log, warnings);
        assertEquals(1, rs.size());
        assertNull(rs.get(0).pain().after());
        assertEquals(List.of(2L, 3L, 4L), warnings.stream().map(LogWarning::line).toList());
        assertContains(warnings.get(0).reason(), "painBefore must be a whole number from 0 to 10");
        assertContains(warnings.get(1).reason(), "session nope");
        assertContains(warnings.get(2).reason(), "painAfter");
    }

    @Test
    void theReviewGivesTheTrendAndTheAverageChangePerProgramAndRegion() {
        PainReview review = new PainReview(ZoneId.of("UTC"));
        // week 1: before 8 and 6 (mean 7); week 2: before 5; week 3: before 4 -> slope -1.5 per week
        review.accept(session("a", "Ana", "neck", T0, step(0, "neck", Side.NONE, 60)).withPain(new PainScores(8, 5, List.of("neck"), null)));
        review.accept(session("b", "Ana", "neck", T0.plusSeconds(86400), step(0, "neck", Side.NONE, 60),
                step(1, "upper-back", Side.NONE, 60)).withPain(new PainScores(6, 5, List.of(), null)));
        review.accept(session("c", "Ana", "back", T0.plusSeconds(7 * 86400), step(0, "upper-back", Side.NONE, 60))
                .withPain(new PainScores(5, 1, List.of(), null)));
        review.accept(session("d", "Ana", "back", T0.plusSeconds(14 * 86400), step(0, "upper-back", Side.NONE, 60))
                .withPain(new PainScores(4, null, List.of(), "no score after")));
        review.accept(session("e", "Ana", "back", T0.plusSeconds(15 * 86400), step(0, "upper-back", Side.NONE, 60)));
        assertEquals(4, review.sessions().size(), "a session without any score is left out");
        assertEquals(-1.5, review.trendPerWeek(), 1e-9);
        assertEquals(-2.0, review.byProgram().get("neck").mean(), 1e-9); // (-3 + -1) / 2
        assertEquals(2, review.byProgram().get("neck").count());
        assertEquals(-4.0, review.byProgram().get("back").mean(), 1e-9); // d has no change
        assertEquals(-2.0, review.byRegion().get("neck").mean(), 1e-9);
        assertEquals(-2.5, review.byRegion().get("upper-back").mean(), 1e-9); // (-1 + -4) / 2
        assertEquals(7.0, review.weeks().get(0).before().mean(), 1e-9);
    }
}
