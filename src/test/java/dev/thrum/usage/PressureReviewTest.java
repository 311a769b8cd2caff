package dev.thrum.usage;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.engine.pressure.PressureStats;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Pressure adherence from logged steps: per region, per week, the trend, and in CSV and the HTML report. */
class PressureReviewTest {

    static final ZoneId UTC = ZoneId.of("UTC");

    static SessionRecord session(String id, String day, double below, double in, double above, int tooMuch) {
        StepReport lowerBack = new StepReport(0, "lower-back", Side.LEFT, false, 60, 60, 0.3, 0.25, 0, 0, false,
                new StepReport.StepPressure("light", new PressureStats(30.0, 120.0, below, in, above, 2, tooMuch)));
        StepReport rest = new StepReport(1, "rest", Side.NONE, true, 15, 15, 0, 0, 0, 0, false, null);
        StepReport noForce = new StepReport(2, "calves", Side.LEFT, false, 60, 60, 0.5, 0.4, 0, 0, false,
                new StepReport.StepPressure("medium", null));
        Instant start = Instant.parse(day + "T09:00:00Z");
        return new SessionRecord(id, "Ann", "sciatica-relief", "Sciatica relief", null, start, start.plusSeconds(200),
                120, 15, Outcome.COMPLETED, 0, List.of(), List.of(lowerBack, rest, noForce));
    }

    private final List<SessionRecord> log = List.of(
            session("a", "2026-03-02", 20, 20, 20, 1),   // week 1: a third in band
            session("b", "2026-03-04", 20, 20, 20, 0),
            session("c", "2026-03-09", 10, 40, 10, 0),   // week 2: two thirds
            session("d", "2026-03-16", 0, 60, 0, 0));    // week 3: all in band

    @Test
    void perRegionPerWeekAndTheTrend() {
        PressureReview review = new PressureReview(UTC);
        log.forEach(review);
        assertEquals(List.of("lower-back"), List.copyOf(review.byRegion().keySet()), "steps without force readings are left out");
        PressureReview.Tally back = review.byRegion().get("lower-back");
        assertEquals(50, back.below(), 1e-9);
        assertEquals(140, back.in(), 1e-9);
        assertEquals(50, back.above(), 1e-9);
        assertEquals(1, back.episodes());
        assertEquals(1.0 / 3, review.byWeek().get(LocalDate.parse("2026-03-02")).inShare(), 1e-9);
        assertEquals(1.0, review.byWeek().get(LocalDate.parse("2026-03-16")).inShare(), 1e-9);
        assertEquals(1.0 / 3, review.trendPerWeek(), 1e-9, "a third more of the time in band each week");

        StringWriter text = new StringWriter();
        PressureReviewText.write(review, new PrintWriter(text, true));
        assertTrue(text.toString().contains("lower-back"), text.toString());
        assertTrue(text.toString().contains("58 %"), "140 of 240 s in band: " + text);
        assertTrue(text.toString().contains("+33.3 points of in-band share per week (pressing more evenly)"), text.toString());
        // week of, measured, too soft, in band, too hard, too-much episodes
        assertTrue(text.toString().contains("  2026-03-02     120 s      33 %     33 %      33 %         1\n"),
                "too soft and too hard, week by week: " + text);
        assertTrue(text.toString().contains("  2026-03-09      60 s      17 %     67 %      17 %         0\n"), text.toString());
        assertTrue(text.toString().lines().allMatch(l -> l.length() <= 80), "every line fits an 80-column terminal: " + text);
    }

    @Test
    void csvCarriesEachStepsPressure() {
        StringWriter csv = new StringWriter();
        CsvExport export = new CsvExport(csv);
        export.accept(log.get(0));
        String[] lines = csv.toString().split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        String[] back = lines[1].split(",", -1);
        String[] rest = lines[2].split(",", -1);
        String[] calves = lines[3].split(",", -1);
        assertEquals("light", back[header.indexOf("pressure_band")]);
        assertEquals("30", back[header.indexOf("force_mean_n")]);
        assertEquals("20", back[header.indexOf("pressure_in_s")]);
        assertEquals("1", back[header.indexOf("too_much_pressure")]);
        assertEquals("", rest[header.indexOf("pressure_band")]);
        assertEquals("medium", calves[header.indexOf("pressure_band")]);
        assertEquals("", calves[header.indexOf("force_mean_n")], "no force reported: no figure, not 0");
    }

    @Test
    void theReportHasAPressureSection() {
        HtmlReport report = new HtmlReport(new Summary(UTC));
        log.forEach(report);
        StringWriter html = new StringWriter();
        report.write(new PrintWriter(html, true), "Usage report", "all sessions", null, null, null, "now");
        String page = html.toString();
        assertTrue(page.contains("<h2>Pressure: how evenly it was pressed</h2>"), page);
        assertTrue(page.contains("In-band share: +33.3 points per week"), page);
        assertTrue(page.contains("<td>lower-back</td><td>50 s</td><td>140 s</td><td>50 s</td><td>58 %</td><td>1</td>"), page);
        assertTrue(page.contains("<tr><td>2026-03-02</td><td>33 %</td><td>33 %</td><td>33 %</td><td>120 s</td><td>1</td></tr>"), page);
        // the charts' figures go in with the chart code: per region and per week, in seconds
        assertTrue(page.contains("id=\"chart-pressure-regions\"") && page.contains("id=\"chart-pressure-weeks\""), page);
        assertTrue(page.contains("\"pressure\":{\"regions\":[{\"region\":\"lower-back\",\"below\":50.0,\"in\":140.0,\"above\":50.0,\"measured\":240.0,\"episodes\":1}]"), page);
        assertTrue(page.contains("function pressureRegionsChart(") && page.contains("pressureWeeksChart(data.pressure.weeks)"), page);
    }
}
