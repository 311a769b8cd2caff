package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.usage.LogReader;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.sim.ReceivedFrameJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pain questions of the web app (issue 19) in a real Chromium against a real
 * {@code thrum daemon --device sim --speedup 30}: a score and where it hurts before the start, the
 * score and a note after the end, read back from the usage log file; skipped questions leave no
 * pain fields; STOP (and Escape) work while the questions are on the page; a hostile note is shown
 * as text on the history page.
 */
class PainQuestionsBrowserTest {
    static final String PROGRAM = "{\"id\": \"short-legs\", \"name\": \"Short legs\", \"steps\": ["
            + "{\"region\": \"calves\", \"side\": \"left\", \"duration\": \"30s\", \"target\": 0.4},"
            + "{\"region\": \"hamstrings\", \"side\": \"right\", \"duration\": \"30s\", \"target\": 0.4}]}";
    static final String HOSTILE = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> & \"easier\" to sit";
    static Path frames;

    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.onSimulator("thrum-pain-web-", h -> {
            Path programs = h.resolve("config/thrum/programs");
            Files.createDirectories(programs);
            Files.writeString(programs.resolve("short-legs.json"), PROGRAM);
        }, h -> List.of("--device", "sim", "--speedup", "30", "--sim-record", h.resolve("sim-frames.jsonl").toString()));
        frames = app.home.resolve("sim-frames.jsonl");
        app.openLoggedIn(1280, 900, Duration.ofSeconds(20));
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(20), condition);
    }

    static void click(String id) { Chromium.click(app.browser, id); }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    static boolean shown(String id) { return app.browser.findElement(By.id(id)).isDisplayed(); }

    /** Picks a score the way a person does: clicking its button (the label of the radio). */
    static void score(String scale, String value) {
        WebElement label = app.browser.findElement(By.cssSelector("label[for='" + scale + "-" + value + "']"));
        app.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", label);
        label.click();
    }

    static boolean checked(String id) { return app.browser.findElement(By.id(id)).isSelected(); }

    static void startShortLegs() {
        app.browser.get(app.base + "/");
        await("the start form with the regions", d -> shown("start") && !d.findElements(By.id("pain-region-calves")).isEmpty()
                && !new Select(d.findElement(By.id("program"))).getOptions().isEmpty());
        new Select(app.browser.findElement(By.id("program"))).selectByValue("short-legs");
        await("the plan of short-legs", d -> text("plan-summary").startsWith("Short legs"));
    }

    /** Waits for the record of session number {@code count} in the log, and the page asking about that session. */
    static SessionRecord awaitFinished(int count) {
        return await("session " + count + " to end and the questions about it", d -> {
            try {
                List<SessionRecord> records = records();
                if (records.size() < count) return null;
                String id = records.get(count - 1).id();
                boolean asking = text("state").equals("Finished") && shown("outcome-form")
                        && id.equals(d.findElement(By.id("outcome-form")).getDomAttribute("data-session"));
                return asking ? records.get(count - 1) : null;
            } catch (Exception e) {
                return null;
            }
        });
    }

    static List<SessionRecord> records() throws Exception {
        List<SessionRecord> out = new ArrayList<>();
        if (!Files.exists(UsageLog.in(app.daemon.dataDir).file())) return out;
        LogReader.of(UsageLog.in(app.daemon.dataDir).file()).read(out::add, w -> { });
        return out;
    }

    static List<String> logLines() throws IOException {
        return Files.readAllLines(UsageLog.in(app.daemon.dataDir).file());
    }

    static long stopFrames() throws IOException {
        return ReceivedFrameJson.readAll(frames).stream().filter(f -> f.command().orElse(null) instanceof DeviceCommand.Stop).count();
    }

    @Test
    void pain_before_with_regions_and_after_with_a_note_reach_the_usage_log_and_the_note_is_shown_as_text() throws Exception {
        int before = records().size();
        startShortLegs();
        assertTrue(checked("pain-before-skip"), "Skip is the default");
        List<String> offered = app.browser.findElements(By.cssSelector("#pain-regions input")).stream().map(e -> e.getDomAttribute("value")).toList();
        assertFalse(offered.contains("neck") || offered.contains("spine"), "blocked regions are not offered: " + offered);
        // the regions are folded away until asked for (a person who skips never scrolls past them)
        assertFalse(shown("pain-region-calves"));
        WebElement summary = app.browser.findElement(By.cssSelector("#pain-where summary"));
        app.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
        await("the regions", d -> shown("pain-region-calves"));
        assertTrue(text("pain-regions").contains("Calves") && text("pain-regions").contains("Hamstrings (back of the thigh)"), text("pain-regions"));
        score("pain-before", "6");
        // the keyboard moves along the scale as in any radio group; Enter there does not start the session
        app.browser.findElement(By.id("pain-before-6")).sendKeys(Keys.ARROW_RIGHT);
        await("7 by the arrow key", d -> checked("pain-before-7"));
        app.browser.findElement(By.id("pain-before-7")).sendKeys(Keys.ENTER);
        app.browser.findElement(By.id("pain-before-7")).sendKeys(Keys.ARROW_LEFT);
        await("back to 6", d -> checked("pain-before-6"));
        assertFalse(app.client.get("/session").body().path("running").asBoolean(), "Enter on a score started the session");
        click("pain-region-calves");
        click("pain-region-hamstrings");
        assertEquals("Hamstrings (back of the thigh), Calves", text("pain-where-chosen"), "the summary names what is ticked");
        screenshot("pain-before");
        click("start-button");
        awaitFinished(before + 1);
        assertTrue(checked("pain-after-skip"), "the question after starts at Skip");

        score("pain-after", "3");
        app.browser.findElement(By.id("outcome-note")).sendKeys("easier to sit");
        click("outcome-save");
        await("the confirmation", d -> text("outcome-status").startsWith("Saved"));
        assertEquals("Saved: pain 3 of 10 and the note.", text("outcome-status"));
        screenshot("pain-after");
        // saved again with another note: the later answer is the one the record shows
        app.browser.executeScript("document.getElementById('outcome-status').textContent = ''");
        app.browser.findElement(By.id("outcome-note")).sendKeys(Keys.chord(Keys.CONTROL, "a"), HOSTILE);
        click("outcome-save");
        await("the second confirmation", d -> text("outcome-status").startsWith("Saved"));

        List<SessionRecord> records = records();
        assertEquals(before + 1, records.size());
        SessionRecord r = records.get(records.size() - 1);
        assertEquals("short-legs", r.programId());
        assertEquals(6, r.pain().before());
        assertEquals(3, r.pain().after());
        assertEquals(List.of("hamstrings", "calves"), r.pain().regions(), "in the catalogue's order");
        assertEquals(HOSTILE, r.pain().note());
        // in the file: the score before in the session's record, the after-score and note on an outcome line naming it
        JsonNode session = Json.MAPPER.readTree(logLines().stream().filter(l -> l.contains("\"thrum.session/")
                && l.contains(r.id())).findFirst().orElseThrow());
        assertEquals(6, session.path("painBefore").asInt());
        JsonNode outcome = Json.MAPPER.readTree(logLines().get(logLines().size() - 1));
        assertEquals(r.id(), outcome.path("session").asText());
        assertEquals(3, outcome.path("painAfter").asInt());

        // the history: before -> after in the list, the note as text (nothing of it runs or becomes an element)
        app.browser.get(app.base + "/history");
        await("the session in the list", d -> !d.findElements(By.id("session-" + r.id())).isEmpty());
        WebElement row = app.browser.findElement(By.id("session-" + r.id()));
        assertEquals("6 → 3", row.findElement(By.cssSelector("td.pain")).getText());
        // the figures of 'thrum log outcomes' for the view: one session with both scores here
        await("the pain figures", d -> text("pain-figures").contains("with both scores (1), before → after 6.0 → 3.0, change -3.0."));
        assertTrue(text("pain-figures").contains("Trend: needs scores before sessions in at least two weeks."), text("pain-figures"));
        row.findElement(By.tagName("button")).click();
        await("the session's page", d -> shown("detail") && !text("detail-pain").isEmpty());
        assertEquals("Pain 6 → 3 of 10 (where it hurt before: Hamstrings (back of the thigh), Calves). Note: " + HOSTILE, text("detail-pain"));
        assertEquals(0L, app.browser.executeScript("return document.querySelectorAll('#detail-pain *, #sessions img, #detail img').length"));
        assertNull(app.browser.executeScript("return window.__pwned === undefined ? null : window.__pwned"), "the note's script ran");
    }

    @Test
    void skipped_questions_leave_no_pain_fields_and_stop_works_while_the_questions_show() throws Exception {
        int before = records().size();
        startShortLegs();
        score("pain-before", "4");
        score("pain-before", "skip");
        click("start-button");
        awaitFinished(before + 1);
        List<SessionRecord> records = records();
        assertEquals(before + 1, records.size());
        SessionRecord r = records.get(records.size() - 1);
        assertTrue(r.pain().isEmpty(), r.pain().toString());
        String line = logLines().stream().filter(l -> l.contains(r.id())).findFirst().orElseThrow();
        for (String field : List.of("painBefore", "painAfter", "painRegions", "\"note\""))
            assertFalse(line.contains(field), field + " in " + line);

        // Save with nothing answered sends nothing: no outcome line
        int lines = logLines().size();
        click("outcome-save");
        await("the answer to an empty save", d -> text("outcome-status").startsWith("Nothing to save"));
        assertEquals(lines, logLines().size());

        // the questions are on the page, and STOP is still on top, enabled, and stops the motor
        app.browser.executeScript("document.getElementById('outcome-note').scrollIntoView({block: 'end'})");
        WebElement stop = app.browser.findElement(By.id("stop"));
        assertTrue(stop.isEnabled());
        assertEquals(Boolean.TRUE, app.browser.executeScript("const s = document.getElementById('stop'); const b = s.getBoundingClientRect();"
                + "return document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2) === s;"), "something covers STOP");
        long stops = stopFrames();
        stop.click();
        await("a stop frame from STOP", d -> { try { return stopFrames() > stops; } catch (IOException e) { return false; } });
        // Escape stops even while typing the note
        long afterClick = stopFrames();
        app.browser.findElement(By.id("outcome-note")).sendKeys("x", Keys.ESCAPE);
        await("a stop frame from Escape", d -> { try { return stopFrames() > afterClick; } catch (IOException e) { return false; } });
        assertEquals(lines, logLines().size(), "nothing recorded by stopping");

        // a page opened after the end still asks, for that session (its id comes with the page's first state)
        app.browser.navigate().refresh();
        awaitFinished(before + 1);
        score("pain-after", "2");
        click("outcome-save");
        await("saved after a reload", d -> text("outcome-status").startsWith("Saved"));
        SessionRecord answered = records().stream().filter(x -> x.id().equals(r.id())).findFirst().orElseThrow();
        assertEquals(2, answered.pain().after());
        assertNull(answered.pain().before());
    }

    static void screenshot(String name) throws IOException { app.screenshot(name); }
}
