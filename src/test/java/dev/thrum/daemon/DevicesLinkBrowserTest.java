package dev.thrum.daemon;

import dev.thrum.transport.sim.SimTransport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The devices page following the link of the real session host's simulated massager (in this JVM,
 * so the test can pull the link away): connected, reconnecting with the warning, connected again;
 * a device whose protocol reports no battery says so; no Bluetooth scan is offered during a session.
 */
class DevicesLinkBrowserTest {
    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.inProcess("thrum-devices-link-", WebAppFixture.SIMULATOR);
        app.openBrowser(1280, 900);
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(15), condition);
    }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    static String link() { return app.browser.findElement(By.id("cur-link")).getDomAttribute("data-link"); }

    @Test
    void the_link_state_follows_the_massager_away_and_back() throws Exception {
        app.logIn(Duration.ofSeconds(15), d -> d.getCurrentUrl().endsWith("/"));
        app.browser.get("http://127.0.0.1:" + app.inProcess.port() + "/app/devices.html");
        await("connected", d -> "connected".equals(link()));
        assertTrue(text("cur-device").startsWith("sim"), text("cur-device"));
        assertTrue(text("cur-profile").contains("theragun-gen4"), text("cur-profile"));
        await("the status frames arrive", d -> !text("cur-session").equals("–"));
        assertEquals("not reported", text("cur-battery"), "the Gen 4 protocol carries no battery");

        SimTransport sim = (SimTransport) ((RunnerSessionHost) app.inProcess.host()).hub().transport();
        sim.massager().dropLink();
        await("reconnecting on the page", d -> "reconnecting".equals(link()));
        assertTrue(text("cur-link").startsWith("Reconnecting: the link is down and Thrum keeps trying. The motor is commanded still"),
                text("cur-link"));

        sim.massager().restoreLink();
        await("connected again", d -> "connected".equals(link()));
        assertEquals("Connected", text("cur-link"));

        assertEquals(201, app.client.post("/sessions", "{\"program\": \"general-warm-up\"}").status());
        await("the session on the page", d -> text("cur-session").equals("a session is running"));
        assertTrue(!app.browser.findElement(By.id("scan-ble")).isEnabled(), "no Bluetooth scan offered during a session");
        assertEquals("Bluetooth scans wait until the session has ended.", text("scan-ble-note"));
        assertEquals(200, app.client.emergencyStop().status());
        await("the session over", d -> text("cur-session").equals("none running") && d.findElement(By.id("scan-ble")).isEnabled());
    }
}
