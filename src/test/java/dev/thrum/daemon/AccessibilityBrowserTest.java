package dev.thrum.daemon;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the web app, in each of its states, checked for accessibility in a real Chromium
 * against a real {@code thrum daemon --device sim}: axe-core's WCAG 2.0/2.1 A and AA rules plus a
 * few best practices (landmarks, headings); the contrast of SVG text, which axe leaves undecided
 * ({@link SvgTextContrast}); and on one state of each page a walk with the Tab key ({@link FocusWalk}). The states are reached as a person reaches them (choose a program, press
 * Start, Pause, Stop), in the order of {@link #STATES}; a page file in src/main/resources/web that
 * the list does not name is still checked, as loaded.
 */
class AccessibilityBrowserTest {
    static final Path WEB = Path.of("src", "main", "resources", "web");
    static WebAppFixture app;

    /** How a state is reached from the one before it. */
    interface Reach { void run() throws Exception; }

    /** A page ({@code file} in src/main/resources/web) in one state; {@code keys}: walk it with the Tab key too. */
    record PageState(String name, String file, boolean keys, Reach reach) {}

    /** The pages and their states, in the order they are reached. Add a new page's states here. */
    static final List<PageState> STATES = List.of(
            new PageState("now: not logged in", "index.html", false, () -> {
                open("/");
                await("the page to say so", d -> text("state").equals("Not logged in"));
            }),
            new PageState("login link that no longer works", "login-failed.html", false, () -> {
                open("/login?code=used-up");
                await("the page", d -> d.findElement(By.tagName("h1")).getText().contains("does not work"));
            }),
            new PageState("now: ready, a plan with warnings to confirm", "index.html", true, () -> {
                app.browser.get(app.client.post("/login-links", "").body().path("url").asText());
                await("logged in", d -> text("state").equals("Ready"));
                await("the programs", d -> new Select(d.findElement(By.id("client"))).getOptions().size() > 1);
                new Select(app.browser.findElement(By.id("program"))).selectByValue("sciatica-relief");
                new Select(app.browser.findElement(By.id("client"))).selectByValue("ann-smith");
                await("the plan and its warnings", d -> shown("confirm-box") && shown("plan-table") && !text("confirmations").isBlank());
            }),
            new PageState("now: ready, in a 320 px wide window", "index.html", false, AccessibilityBrowserTest::narrow),
            new PageState("now: running", "index.html", true, () -> {
                wide();
                Chromium.click(app.browser, "confirm");
                await("Start enabled", d -> d.findElement(By.id("start-button")).isEnabled());
                Chromium.click(app.browser, "start-button");
                await("the countdown or the motor", d -> shown("countdown") || text("state").equals("Running"));
                if (shown("countdown")) Chromium.click(app.browser, "skip-countdown");
                await("running", d -> text("state").equals("Running") && !text("region").isBlank());
            }),
            new PageState("now: running, in a 320 px wide window", "index.html", true, AccessibilityBrowserTest::narrow),
            new PageState("now: paused", "index.html", false, () -> {
                wide();
                Chromium.click(app.browser, "pause");
                await("paused", d -> text("state").startsWith("Paused") && text("pause").equals("Resume"));
            }),
            new PageState("now: finished, asking about pain after", "index.html", true, () -> {
                Chromium.click(app.browser, "stop");
                await("finished", d -> text("state").equals("Finished") && shown("finished") && shown("start"));
            }),
            new PageState("routine editor: two steps, a mistake shown at its field", "editor.html", false, () -> {
                open("/editor");
                await("the regions", d -> new Select(d.findElement(By.id("add-region"))).getOptions().size() > 5);
                new Select(app.browser.findElement(By.id("add-region"))).selectByValue("calves");
                Chromium.click(app.browser, "add-button");
                new Select(app.browser.findElement(By.id("add-region"))).selectByValue("hamstrings");
                Chromium.click(app.browser, "add-button");
                await("two steps", d -> d.findElements(By.cssSelector("#steps > li")).size() == 2);
                var duration = app.browser.findElement(By.id("s0-duration"));
                duration.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "900", org.openqa.selenium.Keys.TAB);
                await("the mistake at its field", d -> !text("err-s0-duration").isBlank());
            }),
            new PageState("routine editor: checked, with its preview chart", "editor.html", true, () -> {
                var duration = app.browser.findElement(By.id("s0-duration"));
                duration.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "60", org.openqa.selenium.Keys.TAB);
                await("no problems, a chart", d -> text("check-summary").startsWith("No problems")
                        && !d.findElements(By.cssSelector("#timeline svg")).isEmpty());
            }),
            new PageState("routine editor: checked, in a 320 px wide window", "editor.html", false, AccessibilityBrowserTest::narrow),
            new PageState("history: the sessions, one opened", "history.html", true, () -> {
                open("/history");
                await("the session just stopped", d -> !d.findElements(By.cssSelector("#sessions tr button")).isEmpty());
                app.browser.findElement(By.cssSelector("#sessions tr button")).click();
                await("its steps", d -> shown("detail") && !text("detail-steps").isBlank());
            }),
            new PageState("history: in a 320 px wide window", "history.html", false, AccessibilityBrowserTest::narrow),
            new PageState("clients: the list", "clients.html", false, () -> {
                open("/app/clients.html");
                await("the list", d -> d.findElement(By.id("new-client")).isEnabled() && !d.findElements(By.id("client-ann-smith")).isEmpty());
            }),
            new PageState("clients: a new client's form, a mistake shown at its field", "clients.html", true, () -> {
                Chromium.click(app.browser, "new-client");
                await("the form", d -> shown("client-form-box") && !d.findElements(By.id("cond-pregnancy")).isEmpty());
                for (String[] typed : new String[][] {{"c-id", "bob-jones"}, {"c-name", "Bob Jones"}, {"c-maxIntensity", "2"}})
                    app.browser.findElement(By.id(typed[0])).sendKeys(typed[1]);
                Chromium.click(app.browser, "c-save");
                await("the mistake at its field", d -> !text("err-c-maxIntensity").isBlank());
            }),
            new PageState("clients: the form, in a 320 px wide window", "clients.html", false, AccessibilityBrowserTest::narrow));

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.onSimulator("thrum-a11y-test-", "--device", "sim");
        DaemonClient.Response made = app.client.post("/clients",
                "{\"id\":\"ann-smith\",\"name\":\"Ann Smith\",\"conditions\":[\"herniated-disc\"],\"weeklyTarget\":3}");
        assertEquals(201, made.status(), made.body().toString());
        app.openBrowser(1280, 900);
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    @TestFactory
    Stream<DynamicTest> every_page_in_every_state_passes_the_accessibility_check() throws IOException {
        List<PageState> all = new ArrayList<>(STATES);
        all.addAll(pagesNotInTheList());
        return all.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            s.reach().run();
            PageCheck.assertAccessible(app.browser, s.name() + " (" + s.file() + ")", s.keys());
        }));
    }

    /** A page someone adds is checked as it loads until its states are written into {@link #STATES}. */
    static List<PageState> pagesNotInTheList() throws IOException {
        Set<String> listed = STATES.stream().map(PageState::file).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(WEB)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".html") && !listed.contains(f)).sorted()
                    .map(f -> new PageState(f + " as loaded", f, true, () -> {
                        open("/app/" + f);
                        awaitQuiet();
                    })).toList();
        }
    }

    static void open(String path) {
        wide();
        app.browser.get(app.base + path);
    }

    static void wide() { app.browser.manage().window().setSize(new Dimension(1280, 900)); }

    /** A 320 px wide window: the width WCAG 1.4.10 (reflow) asks a page to fit. */
    static void narrow() {
        app.browser.manage().window().setSize(new Dimension(320, 800));
        await("the narrow layout", d -> (Long) app.browser.executeScript("return window.innerWidth") <= 360);
    }

    /** The page loaded and its requests answered: the count of finished resource loads holds still between two looks. */
    static void awaitQuiet() {
        long[] last = {-1};
        await("the page to finish loading", d -> {
            long now = (Long) app.browser.executeScript("return document.readyState === 'complete' ? performance.getEntriesByType('resource').length : -1");
            boolean still = now >= 0 && now == last[0];
            last[0] = now;
            return still;
        });
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(15), condition);
    }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    static boolean shown(String id) { return app.browser.findElement(By.id(id)).isDisplayed(); }
}
