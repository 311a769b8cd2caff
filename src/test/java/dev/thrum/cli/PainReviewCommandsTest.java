package dev.thrum.cli;

import dev.thrum.usage.OutcomeNote;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.UsageLog;
import dev.thrum.program.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.thrum.cli.ReviewCommandsTest.session;
import static dev.thrum.cli.ReviewCommandsTest.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A log with pain scores (one given after the session, as an outcome line) gives the same trend and
 * per-program averages in 'log outcomes', the CSV export and the HTML report.
 */
class PainReviewCommandsTest {
    @TempDir Path dir;
    Path data;

    @BeforeEach
    void painLog() throws Exception {
        data = dir.resolve("data");
        UsageLog log = UsageLog.in(data);
        // week of 03-02: before 8, 6 (mean 7); week of 03-09: 5; week of 03-16: 4 -> trend -1.50 per week
        log.append(session("p1", "Ana", "sciatica", "Sciatica", "2026-03-02T09:00:00Z", step(0, "glute", Side.LEFT, 300))
                .withPain(new PainScores(8, null, List.of("glute"), null)));
        log.appendOutcome(new OutcomeNote("p1", Instant.parse("2026-03-02T09:10:00Z"), new PainScores(null, 5, List.of(), "easier")));
        log.append(session("p2", "Ana", "sciatica", "Sciatica", "2026-03-04T09:00:00Z", step(0, "glute", Side.LEFT, 300))
                .withPain(new PainScores(6, 5, List.of(), null)));
        log.append(session("p3", "Ana", "calves", "Calves", "2026-03-10T09:00:00Z", step(0, "calf", Side.LEFT, 300))
                .withPain(new PainScores(5, 1, List.of(), null)));
        log.append(session("p4", "Ana", "calves", "Calves", "2026-03-17T09:00:00Z", step(0, "calf", Side.LEFT, 300))
                .withPain(new PainScores(4, 2, List.of(), null)));
    }

    private String[] run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", data.toString(), "--zone", "UTC"));
        CommandLine cl = ThrumCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(all.toArray(String[]::new));
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void logOutcomesShowsTheTrendAndTheAverages() {
        String[] r = run("log", "outcomes");
        assertEquals("0", r[0], r[2]);
        String out = r[1];
        assertTrue(out.contains("Trend of the pain before sessions: -1.50 points per week (going down)"), out);
        assertTrue(out.matches("(?s).*sciatica\\s+-2\\.00 over 2 sessions.*"), out); // (5-8) and (5-6)
        assertTrue(out.matches("(?s).*calves\\s+-3\\.00 over 2 sessions.*"), out);  // (1-5) and (2-4)
        assertTrue(out.matches("(?s).*glute\\s+-2\\.00 over 2 sessions.*"), out);
        assertTrue(out.matches("(?s).*2026-03-02\\s+sciatica\\s+8\\s+5\\s+-3\\s+glute \"easier\".*"), out);
    }

    @Test
    void theCsvCarriesTheScoresOnEveryRowOfTheSession() {
        String[] r = run("log", "export", "--format", "csv");
        List<List<String>> rows = Csv.parse(r[1]);
        List<String> head = rows.get(0);
        int before = head.indexOf("pain_before"), after = head.indexOf("pain_after"), change = head.indexOf("pain_change");
        assertTrue(before > 0 && head.indexOf("note") > 0, head.toString());
        double sum = 0;
        for (List<String> row : rows.subList(1, rows.size())) if (row.get(2).equals("sciatica")) sum += Integer.parseInt(row.get(change));
        assertEquals(-4, sum, "sciatica's changes -3 and -1 from the CSV");
        assertEquals(List.of("8", "5", "-3", "glute", "easier"), rows.get(1).subList(before, before + 5));
        assertEquals("5", rows.get(2).get(after));
    }

    @Test
    void theReportHasThePainSection() throws Exception {
        Path html = dir.resolve("r.html");
        String[] r = run("report", "--html", html.toString());
        assertEquals("0", r[0], r[2]);
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Pain before and after (0 none .. 10 worst)</h2>"), page);
        assertTrue(page.contains("Trend of the pain before sessions: -1.50 points per week"), page);
        assertTrue(page.contains("<tr><td>sciatica</td><td>-2.00</td><td>2</td></tr>"), page);
        assertTrue(page.contains("<tr><td>calves</td><td>-3.00</td><td>2</td></tr>"), page);
        assertTrue(page.contains("<tr><td>2026-03-02</td><td>7.0</td><td>5.0</td><td>2</td></tr>"), page);
    }
}
