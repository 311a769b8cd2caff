package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forms with the keyboard alone, in a real Chromium against a real {@code thrum daemon --device sim}:
 * every action is a key press sent to whatever has the focus (Tab, Shift-Tab, Enter, Space, arrows,
 * typing), never a click; the test only reads the page to know where the focus is. The results are
 * read back from the files the daemon wrote, or from the daemon's session.
 */
class KeyboardOnlyBrowserTest {
    static final int MOST_TABS = 120;

    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.onSimulator("thrum-keyboard-test-", "--device", "sim");
        DaemonClient.Response made = app.client.post("/clients",
                "{\"id\":\"ann-smith\",\"name\":\"Ann Smith\",\"conditions\":[\"herniated-disc\"]}");
        assertEquals(201, made.status(), made.body().toString());
        app.openLoggedIn(1280, 900, Duration.ofSeconds(15));
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    @Test
    void a_routine_of_two_steps_is_written_reordered_and_saved_with_keys_only() throws Exception {
        app.browser.get(app.base + "/editor");
        await("the regions", d -> new Select(d.findElement(By.id("add-region"))).getOptions().size() > 5);

        tabTo("p-id");
        replaceWith("kb-routine", Keys.TAB);
        assertEquals("p-name", focused());
        replaceWith("Keyboard routine", Keys.TAB);

        // the region list is the body map's keyboard path: a region and its side chosen with the arrow keys
        tabTo("add-region");
        arrowTo("add-region", "calves");
        keys(Keys.TAB);
        arrowTo("add-side", "left");
        tabTo("add-button");
        keys(Keys.ENTER);
        await("one step", d -> steps() == 1);
        shiftTabTo("add-region");
        arrowTo("add-region", "hamstrings");
        keys(Keys.TAB);
        arrowTo("add-side", "right");
        tabTo("add-button");
        keys(Keys.SPACE);
        await("two steps", d -> steps() == 2);
        assertTrue(text("s0").contains("Calves") && text("s1").contains("Hamstrings"), text("steps"));

        tabTo("s0-down");
        keys(Keys.SPACE);
        await("the hamstrings first", d -> text("s0").contains("Hamstrings") && text("s1").contains("Calves"));
        tabTo("s0-duration");
        replaceWith("45", Keys.TAB);

        tabTo("save");
        keys(Keys.ENTER);
        await("saved", d -> text("editor-status").startsWith("Saved"));
        Path file = app.home.resolve("config/thrum/programs/kb-routine.json");
        assertTrue(Files.exists(file), text("editor-status") + "; the folder holds " + listing(file.getParent()));
        JsonNode saved = Json.MAPPER.readTree(Files.readString(file));
        assertEquals("Keyboard routine", saved.path("name").asText());
        JsonNode steps = saved.path("steps");
        assertEquals(2, steps.size(), steps.toString());
        assertEquals("hamstrings", steps.get(0).path("region").asText(), steps.toString());
        assertEquals("right", steps.get(0).path("side").asText(), steps.toString());
        assertEquals(45, steps.get(0).path("duration").asInt(), steps.toString());
        assertEquals("calves", steps.get(1).path("region").asText(), steps.toString());
        assertEquals("left", steps.get(1).path("side").asText(), steps.toString());
    }

    @Test
    void a_client_is_added_with_keys_only() throws Exception {
        app.browser.get(app.base + "/app/clients.html");
        await("the page, loaded", d -> d.findElement(By.id("new-client")).isEnabled());
        tabTo("new-client");
        keys(Keys.ENTER);
        await("the form", d -> d.findElement(By.id("client-form-box")).isDisplayed() && !d.findElements(By.id("cond-pregnancy")).isEmpty());
        tabTo("c-id");
        keys("kim-lee", Keys.TAB);
        assertEquals("c-name", focused());
        keys("Kim Lee");
        tabTo("c-weeklyTarget");
        keys("2");
        tabTo("cond-pregnancy");
        keys(Keys.SPACE);
        tabTo("avoid-calves");
        keys(Keys.SPACE);
        tabTo("cap-hamstrings");
        keys("0.3");
        tabTo("c-save");
        keys(Keys.ENTER);
        Path file = app.home.resolve("config/thrum/clients/kim-lee.json");
        await("saved and listed", d -> !d.findElements(By.id("client-kim-lee")).isEmpty());
        JsonNode saved = Json.MAPPER.readTree(Files.readString(file));
        assertEquals("Kim Lee", saved.path("name").asText());
        assertEquals(2, saved.path("weeklyTarget").asInt());
        assertEquals("[\"pregnancy\"]", saved.path("conditions").toString());
        assertEquals("[\"calves\"]", saved.path("avoid").toString());
        assertEquals(0.3, saved.path("regionCaps").path("hamstrings").asDouble());
    }

    @Test
    void a_session_for_a_client_is_started_after_confirming_the_warnings_and_stopped_with_keys_only() throws Exception {
        app.browser.get(app.base + "/");
        await("the start form", d -> new Select(d.findElement(By.id("client"))).getOptions().size() > 1);
        tabTo("program");
        arrowTo("program", "sciatica-relief");
        tabTo("client");
        arrowTo("client", "ann-smith");
        await("the warnings to confirm", d -> d.findElement(By.id("confirm-box")).isDisplayed());
        tabTo("confirm");
        keys(Keys.SPACE);
        await("Start enabled", d -> d.findElement(By.id("start-button")).isEnabled());
        tabTo("start-button");
        keys(Keys.ENTER);
        await("the session running on the daemon", d -> session(app.client).path("running").asBoolean());
        keys(Keys.ESCAPE);
        await("stopped on the daemon", d -> !session(app.client).path("running").asBoolean() && session(app.client).has("lastReport"));
        JsonNode report = session(app.client).path("lastReport");
        assertEquals("sciatica-relief", report.path("programId").asText(), report.toString());
        assertEquals("Ann Smith", report.path("clientName").asText(), report.toString());
    }

    static JsonNode session(DaemonClient client) {
        try {
            return client.get("/session").body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Key presses (and typed text) to whatever has the focus. */
    static void keys(CharSequence... keys) { new Actions(app.browser).sendKeys(keys).perform(); }

    /** Ctrl+A in the focused field, then the keys: what a person does to replace a field's text. */
    static void replaceWith(CharSequence... keys) {
        new Actions(app.browser).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
        keys(keys);
    }

    static String focused() { return (String) app.browser.executeScript("return document.activeElement ? document.activeElement.id : null"); }

    /** Tab until {@code id} has the focus; fails when Tab never gets there (the control is not reachable by keyboard). */
    static void tabTo(String id) { moveTo(id, Keys.TAB); }

    static void shiftTabTo(String id) { moveTo(id, Keys.chord(Keys.SHIFT, Keys.TAB)); }

    private static void moveTo(String id, CharSequence key) {
        for (int i = 0; i < MOST_TABS && !id.equals(focused()); i++) keys(key);
        assertEquals(id, focused(), "the keyboard never reached #" + id);
    }

    /** Arrow keys on the focused list until it shows {@code value}: down first, then up. */
    static void arrowTo(String id, String value) {
        assertEquals(id, focused());
        for (Keys arrow : List.of(Keys.ARROW_DOWN, Keys.ARROW_UP))
            for (int i = 0; i < 60 && !value.equals(valueOf(id)); i++) keys(arrow);
        assertEquals(value, valueOf(id), "the arrow keys could not choose " + value + " in #" + id);
    }

    static String valueOf(String id) { return app.browser.findElement(By.id(id)).getDomProperty("value"); }

    static List<String> listing(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    static int steps() { return app.browser.findElements(By.cssSelector("#steps > li")).size(); }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(15), condition);
    }
}
