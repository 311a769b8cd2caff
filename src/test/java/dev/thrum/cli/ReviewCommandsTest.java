package dev.thrum.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.usage.DeviceInfo;
import dev.thrum.usage.SessionHeader;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import dev.thrum.program.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review commands over a log of sessions whose figures the test knows. */
class ReviewCommandsTest {
    @TempDir Path dir;
    Path data;

    record Run(int exit, String out, String err) {}

    Run run(String... args) {
        CommandLine cl = ThrumCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    Run review(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", data.toString(), "--zone", "UTC"));
        return run(all.toArray(String[]::new));
    }

    static StepReport step(int i, String region, Side side, double s) {
        return new StepReport(i, region, side, false, s, s, 0.6, 0.5, 0, 1, false);
    }

    static SessionRecord session(String id, String client, String program, String programName, String start,
                                 StepReport... steps) {
        double active = 0, rest = 0;
        for (StepReport s : steps) if (s.rest()) rest += s.actualSeconds(); else active += s.actualSeconds();
        Instant t = Instant.parse(start);
        return new SessionRecord(id, client, program, programName, new DeviceInfo("theragun-gen4", "AA:BB"), t,
                t.plusSeconds((long) (active + rest)), active, rest, Outcome.COMPLETED, 0, List.of(), List.of(steps));
    }

    @BeforeEach
    void knownSessions() throws Exception {
        data = dir.resolve("data");
        UsageLog log = UsageLog.in(data);
        log.append(session("s1", "Ana", "sciatica", "Sciatica", "2026-03-02T09:00:00Z",
                step(0, "glute", Side.LEFT, 600), new StepReport(1, "rest", Side.NONE, true, 30, 30, 0, 0, 0, 0, false),
                step(2, "glute", Side.RIGHT, 300), step(3, "calf", Side.LEFT, 120)));
        log.append(session("s2", "Ana", "sciatica", "Sciatica", "2026-03-03T09:00:00Z", step(0, "glute", Side.LEFT, 300)));
        log.append(session("s3", "Ben", "calves", "Calves", "2026-03-04T17:30:00Z",
                step(0, "calf", Side.LEFT, 240), step(1, "calf", Side.RIGHT, 240)));
        log.append(session("s4", "Ana", "sciatica", "Sciatica", "2026-03-10T09:00:00Z", step(0, "glute", Side.LEFT, 600)));
        log.append(session("s5", "Ana", "low-back", "Low back, \"gentle\"", "2026-03-11T09:00:00Z",
                step(0, "lower-back", Side.NONE, 180)));
    }

    @Test
    void summaryByRegionGivesMinutesPerRegionAndSide() {
        Run r = review("log", "summary", "--by", "region");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*calf\\s+left\\s+6\\.0\\s+2\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*calf\\s+right\\s+4\\.0\\s+1\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*glute\\s+left\\s+25\\.0\\s+3\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*glute\\s+right\\s+5\\.0\\s+1\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*lower-back\\s+-\\s+3\\.0\\s+1\\n.*"), r.out());
        assertTrue(r.out().contains("Sessions 5, treatment 43.0 min, paused 0.5 min"), r.out());
        assertTrue(r.out().contains("longest streak 3 days (2026-03-02 .. 2026-03-04); latest streak 2 days (ending 2026-03-11)"), r.out());
    }

    @Test
    void summaryByWeekForOneClientMeasuresAdherence() {
        Run r = review("log", "summary", "--by", "week", "--client", "ana", "--target-per-week", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*2026-W10\\s+2026-03-02\\s+2\\s+22\\.0\\s+missed\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*2026-W11\\s+2026-03-09\\s+2\\s+13\\.0\\s+missed\\n.*"), r.out());
        // 2 of 3 sessions in each of 2 weeks
        assertTrue(r.out().contains("Adherence (target 3 sessions a week): 67% over 2 weeks; on target in 0 of them"), r.out());
        Run wide = review("log", "summary", "--by", "week", "--client", "Ana", "--target-per-week", "2",
                "--since", "2026-03-02", "--until", "2026-03-22");
        // the empty third week (2026-03-16) counts against the target
        assertTrue(wide.out().contains("Adherence (target 2 sessions a week): 67% over 3 weeks; on target in 2 of them"), wide.out());
    }

    @Test
    void adherenceUsesTheClientsOwnWeeklyTargetWhenNoneIsGiven() {
        Path config = data.resolveSibling("config-for-targets");
        dev.thrum.program.Client ana = dev.thrum.program.Client.named("Ana");
        new dev.thrum.store.ClientStore(config.resolve("clients")).save(new dev.thrum.program.Client(ana.id(), ana.name(),
                ana.maxIntensity(), ana.avoid(), ana.regionCaps(), ana.maxSession(), 3, ana.notes(), ana.conditions(),
                ana.softer(), ana.conditionsConfirmed()));
        Run r = review("log", "summary", "--by", "week", "--client", "ana", "--config-dir", config.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Adherence (target 3 sessions a week): 67% over 2 weeks"), r.out());
        Run given = review("log", "summary", "--by", "week", "--client", "ana", "--config-dir", config.toString(),
                "--target-per-week", "2");
        assertTrue(given.out().contains("Adherence (target 2 sessions a week)"), "the option wins: " + given.out());
    }

    @Test
    void summaryByProgramAndClientAndDay() {
        Run p = review("log", "summary", "--by", "program");
        assertTrue(p.out().matches("(?s).*sciatica\\s+3\\s+32\\.0\\n.*"), p.out());
        Run c = review("log", "summary", "--by", "client");
        assertTrue(c.out().matches("(?s).*Ben\\s+1\\s+8\\.0\\n.*"), c.out());
        Run d = review("log", "summary", "--by", "day");
        assertTrue(d.out().matches("(?s).*2026-03-02\\s+1\\s+17\\.0\\n.*"), d.out());
    }

    @Test
    void listFiltersByInclusiveDatesAndClient() {
        Run r = review("log", "list", "--since", "2026-03-03", "--until", "2026-03-10");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("s2", "s3", "s4"), ids(r.out()));
        assertEquals(List.of("s3"), ids(review("log", "list", "--client", "BEN").out()));
    }

    private static List<String> ids(String listing) {
        return listing.lines().skip(1).map(l -> l.split("\\s+")[0]).toList();
    }

    @Test
    void badDatesAreUsageErrorsThatSayHowToWriteThem() {
        Run r = review("log", "list", "--since", "03/02/2026");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'03/02/2026' is not an ISO date") && r.err().contains("YYYY-MM-DD"), r.err());
        assertEquals(2, review("log", "summary", "--until", "2026-13-01").exit());
        assertEquals(2, review("log", "summary", "--by", "month").exit());
    }

    @Test
    void showPrintsOneSessionAndRefusesAnAmbiguousPrefix() {
        Run r = review("log", "show", "s5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Low back, \"gentle\"") && r.out().contains("lower-back") && r.out().contains("3:00"), r.out());
        Run amb = review("log", "show", "s");
        assertEquals(1, amb.exit());
        assertTrue(amb.err().contains("matches several sessions"), amb.err());
        assertEquals(1, review("log", "show", "zz").exit());
    }

    @Test
    void csvExportHasOneRowPerStepAndQuotesProperly() throws Exception {
        Path csv = dir.resolve("out.csv");
        Run r = review("log", "export", "--format", "csv", "-o", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)));
        List<List<String>> rows = Csv.parse(Files.readString(csv));
        assertEquals("session_id", rows.get(0).get(0));
        assertEquals(10, rows.size(), "header + 9 steps");
        int region = rows.get(0).indexOf("region"), actual = rows.get(0).indexOf("actual_seconds"),
                rest = rows.get(0).indexOf("rest"), name = rows.get(0).indexOf("program_name");
        double glute = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(rows.get(0).size(), row.size());
            if (row.get(region).equals("glute") && row.get(rest).equals("false")) glute += Double.parseDouble(row.get(actual));
        }
        assertEquals(1800.0, glute); // glute left 600 + 300 + 600, right 300
        assertEquals("Low back, \"gentle\"", rows.get(9).get(name));
        assertTrue(Files.readString(csv).contains("\"Low back, \"\"gentle\"\"\""));
    }

    @Test
    void jsonExportIsAnArrayOfTheFilteredRecords() throws Exception {
        Run r = review("log", "export", "--format", "json", "--client", "Ana");
        assertEquals(0, r.exit(), r.err());
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertEquals(4, a.size());
        assertEquals("s1", a.get(0).get("id").asText());
        assertEquals(1020.0, a.get(0).get("activeSeconds").asDouble());
        assertEquals(2, review("log", "export", "--format", "xml").exit());
    }

    @Test
    void tornAndCorruptLinesAreSkippedWithTheirLineNumbers() throws Exception {
        Path file = data.resolve(UsageLog.LOG_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(2, "{\"schema\":\"thrum.session/1\",\"id\":\"broken\",\"startedAt\":12"); // line 3
        Files.write(file, (String.join("\n", lines) + "\n{\"schema\":\"thrum.sess").getBytes(StandardCharsets.UTF_8));
        Run r = review("log", "summary");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Sessions 5,"), r.out());
        assertTrue(r.err().contains(file + " line 3: skipped"), r.err());
        assertTrue(r.err().contains(file + " line 7: skipped, the last line is incomplete"), r.err());
    }

    @Test
    void aForeignOrMissingFileIsRefusedWithItsPath() throws Exception {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "Ana: calves felt better\n");
        Run r = run("log", "list", "--log", notes.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(notes.toString()) && r.err().contains("not a Thrum usage log"), r.err());
        Run missing = run("log", "list", "--log", dir.resolve("gone.jsonl").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("gone.jsonl: no such file"), missing.err());
        Run empty = run("log", "list", "--data-dir", dir.resolve("fresh").toString());
        assertEquals(0, empty.exit());
        assertTrue(empty.out().contains("No sessions recorded yet"), empty.out());
    }

    @Test
    void reviewRecoversAnUnfinishedSessionFirst() throws Exception {
        UsageLog log = UsageLog.in(data);
        log.openJournal(new SessionHeader("crashed-1", "Ana", "sciatica", "Sciatica", new DeviceInfo("sim", "sim"))).close();
        Run r = review("log", "list");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("recovered interrupted session crashed-1"), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("crashed-1") && l.endsWith("interrupted")), r.out());
    }

    @Test
    void htmlReportIsSelfContainedAndPrintable() throws Exception {
        Path html = dir.resolve("report.html");
        Run r = review("report", "--html", html.toString(), "--client", "Ana", "--target-per-week", "2");
        assertEquals(0, r.exit(), r.err());
        String page = Files.readString(html);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(html)));
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("id=\"chart-regions\"") && page.contains("function regionWeeksChart") && page.contains("@media print"));
        // the only address in the page is the SVG namespace, a name that is never fetched
        String withoutNamespace = page.replace("'http://www.w3.org/2000/svg'", "");
        assertFalse(withoutNamespace.contains("http://") || page.contains("https://") || page.contains("src=") || page.contains("fetch("),
                "nothing fetched");
        assertTrue(page.contains("Adherence: <b>100%</b> of the target over 2 weeks; the target was met in 2 of them"), page);
        assertTrue(page.matches("(?s).*\\{\"week\":\"2026-03-02\",\"minutes\":\\{[^}]*\"glute\":20\\.0.*"), page); // s1 15 + s2 5
        assertTrue(page.contains("{\"day\":\"2026-03-03\",\"sessions\":1,\"minutes\":5.0}"), page);
        assertTrue(page.contains("<td>Lower back beside the spine (erector spinae)</td>"), "the region's name, not its id: " + page);
    }

    @Test
    void reviewWritesNothingIntoTheLogFile() throws Exception {
        Path file = data.resolve(UsageLog.LOG_FILE);
        byte[] before = Files.readAllBytes(file);
        review("log", "summary");
        review("log", "list");
        review("report", "--html", dir.resolve("r.html").toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
    }
}
