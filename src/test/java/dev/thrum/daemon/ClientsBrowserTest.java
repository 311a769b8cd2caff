package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clients page in a real Chromium against a real {@code thrum daemon --device sim}: add a client
 * with a mistake, see it at its field, fix it, record a condition (its warning shown), avoided
 * regions and a cap, edit, and remove only after the page asked.
 */
class ClientsBrowserTest {
    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.onSimulator("thrum-clients-test-", "--device", "sim");
        app.openLoggedIn(1280, 900, Duration.ofSeconds(15));
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(15), condition);
    }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    static void type(String id, String value) {
        WebElement field = app.browser.findElement(By.id(id));
        app.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
    }

    static void click(String id) { Chromium.click(app.browser, id); }

    @Test
    void a_client_is_added_with_a_mistake_fixed_edited_and_removed_after_asking() throws Exception {
        app.browser.get(app.base + "/app/clients.html");
        await("the page, loaded", d -> d.findElement(By.id("new-client")).isEnabled());
        app.browser.executeScript("window.__errors = []; window.addEventListener('error', e => __errors.push(e.message));"
                + "window.addEventListener('unhandledrejection', e => __errors.push(String(e.reason && e.reason.stack || e.reason)));");
        click("new-client");
        await("the form", d -> d.findElement(By.id("cond-herniated-disc")).isDisplayed());
        assertTrue(app.browser.findElements(By.id("avoid-neck")).isEmpty(), "a blocked region is not offered");
        assertTrue(app.browser.findElement(By.cssSelector("label:has(#cond-herniated-disc)")).getText().contains("lower-back 0.2"),
                "what the condition tightens: " + app.browser.findElement(By.cssSelector("label:has(#cond-herniated-disc)")).getText());
        type("c-id", "ann-smith");
        type("c-name", "Ann Smith");
        type("c-maxIntensity", "2");
        type("c-weeklyTarget", "3");
        click("cond-herniated-disc");
        click("avoid-hip-flexors");
        type("cap-calves", "0.3");
        click("c-save");
        try {
            await("the mistake at its field", d -> !text("err-c-maxIntensity").isEmpty());
        } catch (RuntimeException e) {
            throw new AssertionError(app.browser.executeScript("return window.__errors") + " status: " + text("clients-status") + " other: " + text("err-c-other"), e);
        }
        assertFalse(Files.exists(file()), "nothing saved");
        app.browser.executeScript("document.getElementById('c-maxIntensity').scrollIntoView({block: 'start'})");
        app.screenshot("clients");

        type("c-maxIntensity", "0.6");
        click("c-save");
        await("saved and listed", d -> !d.findElements(By.id("client-ann-smith")).isEmpty());
        JsonNode saved = Json.MAPPER.readTree(Files.readString(file()));
        assertEquals(0.6, saved.path("maxIntensity").asDouble());
        assertEquals(3, saved.path("weeklyTarget").asInt());
        assertEquals("[\"herniated-disc\"]", saved.path("conditions").toString());
        assertEquals("[\"hip-flexors\"]", saved.path("avoid").toString());
        assertEquals(0.3, saved.path("regionCaps").path("calves").asDouble());

        app.browser.findElement(By.cssSelector("#client-ann-smith button")).click();
        await("the form for Ann", d -> "Ann Smith".equals(d.findElement(By.id("c-name")).getDomProperty("value")));
        type("c-weeklyTarget", "4");
        click("c-save");
        await("the new target listed", d -> text("client-ann-smith").contains("4"));
        assertEquals(4, Json.MAPPER.readTree(Files.readString(file())).path("weeklyTarget").asInt());

        app.browser.findElement(By.cssSelector("#client-ann-smith button")).click();
        await("the form for Ann", d -> d.findElement(By.id("c-remove")).isDisplayed());
        click("c-remove");
        await("asked", d -> text("c-remove-question").startsWith("Remove Ann Smith?"));
        click("c-remove-no");
        assertTrue(Files.exists(file()), "No keeps her");
        click("c-remove");
        click("c-remove-yes");
        await("removed", d -> d.findElements(By.id("client-ann-smith")).isEmpty());
        assertFalse(Files.exists(file()));
    }

    static Path file() { return app.home.resolve("config/thrum/clients/ann-smith.json"); }
}
