package dev.thrum.daemon;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.usage.DeviceInfo;
import dev.thrum.usage.RecordJson;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import dev.thrum.program.Side;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history page in a real Chromium against a real {@code thrum daemon --device sim} whose usage
 * log holds 300 sessions over ten weeks for two clients: the charts carry labelled axes, every week
 * and region names (checked in the charts' text, not just that something was drawn), the adherence
 * figure is the one {@code thrum log summary} prints, the sessions are newest first with their steps.
 */
class HistoryBrowserTest {
    static final String[][] REGIONS = {{"gluteus-maximus", "Gluteus maximus (buttock)"}, {"hamstrings", "Hamstrings (back of the thigh)"},
            {"calves", "Calves"}, {"quadriceps", "Quadriceps (front of the thigh)"}, {"piriformis", "Piriformis (deep in the buttock)"}};
    static Instant newest;

    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.onSimulator("thrum-history-test-", h -> {
            Path log = UsageLog.in(h.resolve("data/thrum")).file();
            Files.createDirectories(log.getParent());
            writeLog(log, 300);
        }, "--device", "sim");
        assertEquals(201, app.client.post("/clients", "{\"id\":\"ann-smith\",\"name\":\"Ann Smith\",\"weeklyTarget\":3}").status());
        assertEquals(201, app.client.post("/clients", "{\"id\":\"bob-jones\",\"name\":\"Bob Jones\"}").status());
        app.openLoggedIn(1280, 900, Duration.ofSeconds(20));
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    /** Ann about three sessions a week (some weeks fewer), Bob the rest; real region ids; a few stopped early. */
    static void writeLog(Path file, int count) throws Exception {
        Random rnd = new Random(18);
        Instant from = LocalDate.of(2026, 9, 7).atStartOfDay(ZoneId.systemDefault()).toInstant();
        long gap = Duration.ofDays(70).toMillis() / count;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < count; i++) {
                Instant start = from.plusMillis(i * gap);
                boolean ann = i % 9 == 0 && (i / 63) % 3 != 1;
                List<StepReport> steps = new ArrayList<>();
                double active = 0;
                for (int k = 0; k < 3; k++) {
                    String[] region = REGIONS[rnd.nextInt(REGIONS.length)];
                    double actual = 60 + rnd.nextInt(4) * 15;
                    steps.add(new StepReport(k, region[0], k % 2 == 0 ? Side.LEFT : Side.RIGHT, false, 90, actual, 0.5, 0.4, rnd.nextInt(2), 0, false));
                    active += actual;
                }
                Outcome outcome = i % 17 == 0 ? Outcome.STOPPED_BY_USER : Outcome.COMPLETED;
                String program = i % 2 == 0 ? "sciatica-relief" : "legs-after-run";
                SessionRecord r = new SessionRecord(String.format("s%07d", i), ann ? "Ann Smith" : "Bob Jones", program,
                        program.equals("sciatica-relief") ? "Sciatica relief" : "Legs after run", new DeviceInfo("sim", "sim"),
                        start, start.plusSeconds((long) active), active, 0, outcome, 0,
                        i % 17 == 0 ? List.of("stopped by the person") : List.of(), steps);
                out.write(RecordJson.toLine(r));
                newest = start;
            }
        }
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(20), condition);
    }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    static String chartText(String id) { return app.browser.findElement(By.cssSelector("#" + id + " svg")).getDomProperty("textContent"); }

    @Test
    void the_charts_are_labelled_with_region_names_and_every_week_and_adherence_matches_the_cli() throws Exception {
        app.browser.get(app.base + "/history");
        await("the figures", d -> text("figures").startsWith("300 sessions"));
        String regions = chartText("chart-regions");
        for (String[] g : REGIONS) {
            assertTrue(regions.contains(g[1]), "the region's name in the chart: " + g[1] + " in " + regions);
            assertFalse(regions.contains(g[0]), "no raw id: " + g[0]);
        }
        assertTrue(regions.contains("minutes") && regions.contains("week starting"), regions);
        // every week labelled, the first Monday is 7 Sep 2026 and ten weeks follow
        for (LocalDate w = LocalDate.of(2026, 9, 7); w.isBefore(LocalDate.of(2026, 11, 16)); w = w.plusWeeks(1))
            assertTrue(regions.contains(w.getDayOfMonth() + " " + w.getMonth().name().charAt(0) + w.getMonth().name().substring(1, 3).toLowerCase()), w + " in " + regions);
        assertTrue(chartText("chart-calendar").contains("Sep 2026") && chartText("chart-calendar").contains("Mon"), chartText("chart-calendar"));
        // these sessions' device reported no force: the page says so, and draws no pressure chart that could read as "in band"
        assertTrue(app.browser.findElement(By.id("pressure-none")).isDisplayed());
        assertTrue(app.browser.findElements(By.cssSelector("#chart-pressure-regions svg, #chart-pressure-weeks svg")).isEmpty());

        new Select(app.browser.findElement(By.id("f-client"))).selectByValue("Ann Smith");
        Chromium.click(app.browser, "f-show");
        await("Ann's adherence", d -> text("adherence").startsWith("Adherence (target 3"));
        assertTrue(chartText("chart-regions").contains("21 Sep"), "a week without sessions keeps its place: " + chartText("chart-regions"));
        String weeks = chartText("chart-weeks");
        assertTrue(weeks.contains("target 3 a week") && weeks.contains("sessions"), weeks);
        List<String> numbers = app.browser.findElements(By.cssSelector("#chart-weeks text")).stream().map(e -> e.getDomProperty("textContent"))
                .filter(t -> t.matches("[0-9.]+")).toList();
        assertFalse(numbers.isEmpty());
        assertTrue(numbers.stream().allMatch(t -> t.matches("[0-9]+")), "whole counts on the axis: " + numbers);

        RoutineEditorBrowserTest.Cli cli = cli("log", "summary", "--client", "Ann Smith");
        assertEquals(0, cli.exit(), cli.output());
        Matcher m = Pattern.compile("Adherence \\(target 3 sessions a week\\): (\\d+)% over (\\d+) weeks; on target in (\\d+)").matcher(cli.output());
        assertTrue(m.find(), cli.output());
        assertEquals("Adherence (target 3 a week): " + m.group(1) + "% over " + m.group(2) + " weeks; on target in " + m.group(3) + " of them.",
                text("adherence"));

        // the CSV of this view holds Ann's sessions only
        String csv = (String) app.browser.executeAsyncScript("const done = arguments[0];"
                + "fetch(document.getElementById('export').href).then(r => r.text()).then(done)");
        assertTrue(csv.contains("Ann Smith") && !csv.contains("Bob Jones"), csv.substring(0, Math.min(400, csv.length())));

        app.browser.executeScript("document.querySelector('.charts').scrollIntoView({block: 'start'})");
        app.screenshot("history");
    }

    @Test
    void sessions_are_listed_newest_first_filtered_by_program_with_their_steps() throws Exception {
        app.browser.get(app.base + "/history");
        await("the sessions", d -> d.findElements(By.cssSelector("#sessions tr")).size() == 300);
        assertEquals("session-s0000299", app.browser.findElement(By.cssSelector("#sessions tr:first-child")).getDomAttribute("id"));
        assertTrue(app.browser.findElement(By.id("session-s0000289")).getText().contains("stopped by user"),
                app.browser.findElement(By.id("session-s0000289")).getText());

        new Select(app.browser.findElement(By.id("f-program"))).selectByValue("legs-after-run");
        Chromium.click(app.browser, "f-show");
        await("only legs-after-run", d -> text("figures").startsWith("150 sessions"));
        assertTrue(app.browser.findElements(By.cssSelector("#sessions tr")).stream().allMatch(r -> r.getText().contains("Legs after run")));

        app.browser.findElement(By.cssSelector("#sessions tr:first-child button")).click();
        await("the steps", d -> d.findElement(By.id("detail")).isDisplayed() && !text("detail-steps").isEmpty());
        String steps = text("detail-steps");
        assertTrue(List.of(REGIONS).stream().anyMatch(g -> steps.contains(g[1])), steps);
        assertTrue(steps.contains("1:30"), "planned 90 s: " + steps);
    }

    @Test
    void the_offline_report_draws_the_same_charts_readably() throws Exception {
        Path report = app.home.resolve("report.html");
        RoutineEditorBrowserTest.Cli made = cli("report", "--html", report.toString(), "--client", "Ann Smith");
        assertEquals(0, made.exit(), made.output());
        app.browser.get(report.toUri().toString());
        await("the report's charts", d -> !d.findElements(By.cssSelector("#chart-weeks svg")).isEmpty());
        String regions = chartText("chart-regions");
        assertTrue(regions.contains("Gluteus maximus (buttock)") && regions.contains("minutes") && regions.contains("week starting"), regions);
        assertFalse(regions.contains("gluteus-maximus"), regions);
        for (LocalDate w = LocalDate.of(2026, 9, 7); w.isBefore(LocalDate.of(2026, 11, 9)); w = w.plusWeeks(1))
            assertTrue(regions.contains(w.getDayOfMonth() + " " + w.getMonth().name().charAt(0) + w.getMonth().name().substring(1, 3).toLowerCase()), w + " in " + regions);
        assertTrue(chartText("chart-weeks").contains("target 3 a week"), chartText("chart-weeks"));
        List<String> numbers = app.browser.findElements(By.cssSelector("#chart-weeks text")).stream().map(e -> e.getDomProperty("textContent"))
                .filter(t -> t.matches("[0-9.]+")).toList();
        assertTrue(!numbers.isEmpty() && numbers.stream().allMatch(t -> t.matches("[0-9]+")), "whole counts on the axis: " + numbers);
        long width = (Long) app.browser.executeScript("return Math.round(document.querySelector('#chart-regions svg').getBoundingClientRect().width)");
        assertTrue(width > 600, "the chart uses the page's width, not 170 px: " + width);
        assertTrue(app.browser.findElement(By.tagName("body")).getText().contains("stopped by user"), "the sessions with their outcomes");
        app.screenshot("report");
    }

    static RoutineEditorBrowserTest.Cli cli(String... args) throws Exception {
        return cli(app.home, args);
    }

    /** {@code thrum ARGS} as its own process on the files under {@code in}. */
    static RoutineEditorBrowserTest.Cli cli(Path in, String... args) throws Exception {
        return RoutineEditorBrowserTest.cli(in, args);
    }
}
