package dev.thrum.daemon;

import dev.thrum.transport.sim.SimTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lost link as the page shows it, on the real session host and the simulated massager (in this
 * JVM, so the test can pull the link away): the state, the banner and the spoken warning, and the
 * way back when the massager returns.
 */
class WebAppLinkLossBrowserTest {
    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.inProcess("thrum-web-link-", WebAppFixture.SIMULATOR);
        app.openBrowser(1280, 800);
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(15), condition);
    }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    @Test
    void a_lost_link_is_shown_and_spoken_and_the_page_follows_the_massager_back() throws Exception {
        app.logIn(Duration.ofSeconds(15), d -> text("state").equals("Ready"));
        app.browser.executeScript("window.__spoken = []; window.speechSynthesis.speak = u => { window.__spoken.push(u.text); };");
        assertEquals(201, app.client.post("/sessions", "{\"program\": \"general-warm-up\"}").status());
        await("running", d -> text("state").equals("Running"));

        SimTransport sim = (SimTransport) ((RunnerSessionHost) app.inProcess.host()).hub().transport();
        sim.massager().dropLink();
        await("link lost on the page", d -> text("state").equals("Link lost"));
        assertTrue(text("banner").startsWith("Link to the massager lost: the motor is commanded still"), text("banner"));
        @SuppressWarnings("unchecked")
        List<String> spoken = (List<String>) app.browser.executeScript("return window.__spoken");
        assertTrue(spoken.stream().anyMatch(s -> s.startsWith("Link to the massager lost")), spoken.toString());

        sim.massager().restoreLink();
        await("the link back on the page", d -> !text("state").equals("Link lost") && !text("banner").startsWith("Link to the massager lost"));
        // the page may show a passing state between two events: wait for where it settles
        await("running or paused again", d -> text("state").equals("Running") || text("state").startsWith("Paused"));
        assertEquals(200, app.client.emergencyStop().status());
        await("finished", d -> text("state").equals("Finished"));
    }
}
