package dev.thrum.daemon;

import dev.thrum.usage.UsageLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pressure charts in a real Chromium: the history page of a real {@code thrum daemon --device
 * sim} and the file {@code thrum report --html} writes, on a log of sessions with force readings.
 * Every figure the charts show (in-band share per region, too soft and too hard per week) is checked
 * against what {@code thrum log pressure}, run as its own process, prints for the same log.
 */
class HistoryPressureBrowserTest {
    static String cliText;

    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.onSimulator("thrum-history-pressure-test-", h -> {
            PressureLog.write(UsageLog.in(h.resolve("data/thrum")).file(), 120, "Ann Smith");
            RoutineEditorBrowserTest.Cli cli = HistoryBrowserTest.cli(h, "log", "pressure");
            assertEquals(0, cli.exit(), cli.output());
            cliText = cli.output();
        }, "--device", "sim");
        app.openLoggedIn(1280, 900, Duration.ofSeconds(20));
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(20), condition);
    }

    static String textOf(WebElement e) { return e.getDomProperty("textContent"); }

    /** region id -> the in-band share {@code thrum log pressure} prints for it ("58" for "58 %") and its too-much episodes. */
    static Map<String, String[]> cliRegions() {
        Map<String, String[]> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^  ([a-z-]+) +\\d+s +\\d+s +\\d+s +(\\d+) % +(\\d+)$").matcher(cliText);
        while (m.find()) out.put(m.group(1), new String[] {m.group(2), m.group(3)});
        return out;
    }

    /** Monday -> the week's line of the CLI as figures [in, measured, soft, hard]. */
    static Map<LocalDate, String[]> cliWeeks() {
        Map<LocalDate, String[]> out = new LinkedHashMap<>();
        Matcher m = HistoryPressureTest.WEEK_LINE.matcher(cliText);
        while (m.find()) out.put(LocalDate.parse(m.group("week")),
                new String[] {m.group("in"), m.group("measured"), m.group("soft"), m.group("hard")});
        return out;
    }

    /** The two pressure charts, wherever they are drawn, say what the CLI says, with region names and labelled axes. */
    static void chartsMatchTheCli() {
        Map<String, String[]> regions = cliRegions();
        assertEquals(PressureLog.REGIONS.length, regions.size(), cliText);
        List<WebElement> rows = app.browser.findElements(By.cssSelector("#chart-pressure-regions g.pressure-row"));
        assertEquals(regions.size(), rows.size());
        String chart = textOf(app.browser.findElement(By.cssSelector("#chart-pressure-regions svg")));
        assertTrue(chart.contains("share of the time with a force reading") && chart.contains("too soft (below the band)"), chart);
        for (String[] g : PressureLog.REGIONS) {
            assertFalse(chart.contains(g[0] + ":") || chart.contains(">" + g[0]), "no raw id " + g[0] + " in " + chart);
            WebElement row = rows.stream().filter(r -> textOf(r).startsWith(g[1])).findFirst()
                    .orElseThrow(() -> new AssertionError("a row for " + g[1] + " in " + chart));
            String[] cli = regions.get(g[0]);
            assertTrue(textOf(row).contains(cli[0] + "% in band"), g[0] + " is " + cli[0] + " % in the CLI: " + textOf(row));
            assertEquals(!cli[1].equals("0"), textOf(row).contains("too much " + cli[1] + " time"),
                    g[0] + " had " + cli[1] + " too-much episodes in the CLI: " + textOf(row));
        }

        Map<LocalDate, String[]> weeks = cliWeeks();
        assertEquals(5, weeks.size(), "five weeks with sessions: " + cliText);
        String byWeek = textOf(app.browser.findElement(By.cssSelector("#chart-pressure-weeks svg")));
        assertTrue(byWeek.contains("% of the measured time") && byWeek.contains("week starting"), byWeek);
        weeks.forEach((monday, f) -> {
            String label = monday.getDayOfMonth() + " " + monday.getMonth().name().charAt(0) + monday.getMonth().name().substring(1, 3).toLowerCase();
            String expected = label + ": " + f[2] + "% too soft, " + f[3] + "% too hard, " + f[0] + "% in the band, of " + f[1] + " s measured";
            assertTrue(byWeek.contains(expected), expected + " in " + byWeek);
        });
        assertTrue(byWeek.contains("21 Sep: no force reading"), "the empty week keeps its place and is not 'in band': " + byWeek);
        assertEquals(6, app.browser.findElements(By.cssSelector("#chart-pressure-weeks g.pressure-week")).size());
    }

    @Test
    void the_history_pages_pressure_charts_show_the_figures_of_thrum_log_pressure() throws Exception {
        app.browser.get(app.base + "/history");
        await("the figures", d -> d.findElement(By.id("figures")).getText().startsWith("120 sessions"));
        await("the pressure charts", d -> !d.findElements(By.cssSelector("#chart-pressure-weeks svg")).isEmpty());
        assertFalse(app.browser.findElement(By.id("pressure-none")).isDisplayed());
        chartsMatchTheCli();

        app.browser.executeScript("document.getElementById('chart-pressure-regions').scrollIntoView({block: 'start'})");
        app.screenshot("history-pressure");

        // a session's steps say the band asked for and how the time split
        app.browser.findElement(By.cssSelector("#sessions tr:first-child button")).click();
        await("the steps", d -> d.findElement(By.id("detail")).isDisplayed() && !d.findElement(By.id("detail-steps")).getText().isEmpty());
        String steps = app.browser.findElement(By.id("detail-steps")).getText();
        assertTrue(Pattern.compile("(light|medium|firm): \\d+% in band, \\d+% too soft, \\d+% too hard").matcher(steps).find(), steps);
    }

    @Test
    void the_report_file_draws_the_same_pressure_charts_offline() throws Exception {
        Path report = app.home.resolve("report.html");
        RoutineEditorBrowserTest.Cli made = HistoryBrowserTest.cli(app.home, "report", "--html", report.toString());
        assertEquals(0, made.exit(), made.output());
        app.browser.get(report.toUri().toString());
        await("the report's pressure charts", d -> !d.findElements(By.cssSelector("#chart-pressure-weeks svg")).isEmpty());
        chartsMatchTheCli();
        long width = (Long) app.browser.executeScript("return Math.round(document.querySelector('#chart-pressure-regions svg').getBoundingClientRect().width)");
        assertTrue(width > 600, "the chart uses the page's width: " + width);
        app.browser.executeScript("document.getElementById('chart-pressure-regions').scrollIntoView({block: 'start'})");
        app.screenshot("report-pressure");
    }
}
