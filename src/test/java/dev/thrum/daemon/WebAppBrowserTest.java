package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.sim.ReceivedFrame;
import dev.thrum.transport.sim.ReceivedFrameJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app in a real Chromium against a real {@code thrum daemon --device sim} (a child JVM, at
 * 15 times real speed, recording every frame the simulated massager receives). One browser and one
 * daemon for the class; the tests run in order, as a person would use the page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserTest {
    static Path record;

    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.onSimulator("thrum-web-test-", h -> { },
                h -> List.of("--device", "sim", "--speedup", "15", "--sim-record", h.resolve("sim-frames.jsonl").toString()));
        record = app.home.resolve("sim-frames.jsonl");
        app.openBrowser(1280, 800);
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    static <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return app.await(what, timeout, condition);
    }

    static <T> T await(String what, Function<WebDriver, T> condition) { return await(what, Duration.ofSeconds(15), condition); }

    static String loginLink() throws IOException {
        DaemonClient.Response r = app.client.post("/login-links", "");
        assertEquals(201, r.status(), r.body().toString());
        return r.body().path("url").asText();
    }

    static void click(String id) { Chromium.click(app.browser, id); }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    static String classOf(String id) {
        String c = app.browser.findElement(By.id(id)).getDomAttribute("class");
        return c == null ? "" : c;
    }

    static boolean lit(String id) { return List.of(classOf(id).split(" ")).contains("now"); }

    @SuppressWarnings("unchecked")
    static List<String> spoken() { return (List<String>) app.browser.executeScript("return window.__spoken || []"); }

    /** Sizes the page's viewport (not the window around it) and keeps a screenshot under target/. */
    static void screenshot(String name, int width, int height) throws IOException {
        app.browser.manage().window().setSize(new Dimension(width, height));
        long innerWidth = (Long) app.browser.executeScript("return window.innerWidth");
        long innerHeight = (Long) app.browser.executeScript("return window.innerHeight");
        app.browser.manage().window().setSize(new Dimension(width + (int) (width - innerWidth), height + (int) (height - innerHeight)));
        await("the page laid out at " + width + "x" + height, d -> (Long) app.browser.executeScript("return window.innerWidth") == width);
        app.screenshot(name + "-" + width + "x" + height);
    }

    @Test
    @Order(1)
    void a_one_time_link_logs_in_and_leaves_a_clean_address_and_works_only_once() throws Exception {
        app.browser.get(app.base + "/");
        await("the page says it is not logged in", d -> text("state").equals("Not logged in"));

        String link = loginLink();
        app.browser.get(link);
        await("the page after login", d -> text("state").equals("Ready"));
        assertEquals(app.base + "/", app.browser.getCurrentUrl(), "no secret stays in the address");

        app.browser.get(link);
        assertTrue(app.browser.findElement(By.tagName("h1")).getText().contains("does not work any more"), app.browser.getPageSource());
        app.browser.get(app.base + "/");
        await("still logged in by the cookie", d -> text("state").equals("Ready"));
    }

    @Test
    @Order(2)
    void a_session_started_from_the_page_is_shown_spoken_controlled_and_stopped() throws Exception {
        app.browser.get(app.base + "/");
        await("the programs", d -> !new Select(d.findElement(By.id("program"))).getOptions().isEmpty());
        // observe the spoken cues: the page's speech calls are recorded, then passed on
        app.browser.executeScript("window.__spoken = [];"
                + "const speak = window.speechSynthesis.speak.bind(window.speechSynthesis);"
                + "window.speechSynthesis.speak = u => { window.__spoken.push(u.text); try { speak(u); } catch (e) {} };");

        new Select(app.browser.findElement(By.id("program"))).selectByValue("sciatica-relief");
        await("the plan of sciatica-relief", d -> text("plan-summary").startsWith("Sciatica relief"));
        List<String> firstRow = app.browser.findElements(By.cssSelector("#plan-steps tr:first-child td")).stream().map(e -> e.getText()).toList();
        assertEquals(List.of("1", "Gluteus maximus (buttock)", "left side", "1:15", "45%", "45%"), firstRow, "the plan with its effective cap");
        screenshot("start", 1280, 800);
        click("start-button");

        await("gluteus maximus, left side, lit", d -> lit("gluteus-maximus-left"));
        assertFalse(lit("gluteus-maximus-right"));
        assertTrue(classOf("gluteus-maximus-right").contains("next"), "the next region is outlined: " + classOf("gluteus-maximus-right"));
        assertEquals("Gluteus maximus (buttock)", text("region"));
        assertTrue(classOf("neck").contains("blocked") && classOf("spine").contains("blocked"));
        List<String> atLeft = spoken();
        assertTrue(atLeft.stream().anyMatch(s -> s.startsWith("Gluteus maximus (buttock), left side.")), "spoken at the first region: " + atLeft);

        String stepLeft = text("step-left");
        await("the step's time left moving (view events)", d -> !text("step-left").equals(stepLeft) && !text("step-left").isBlank());

        screenshot("now", 1280, 800);
        screenshot("now", 400, 800);
        app.browser.manage().window().setSize(new Dimension(1280, 800));

        await("gluteus maximus, right side, lit", Duration.ofSeconds(30), d -> lit("gluteus-maximus-right"));
        assertFalse(lit("gluteus-maximus-left"));
        List<String> atRight = spoken();
        int left = indexOf(atRight, "Gluteus maximus (buttock), left side.");
        int right = indexOf(atRight, "Gluteus maximus (buttock), right side.");
        assertTrue(left >= 0 && right > left, "spoken at each change, in order: " + atRight);

        double before = await("a target on the page", d -> {
            Object v = app.browser.executeScript("return document.getElementById('target').value");
            return v instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : null;
        });
        click("softer");
        await("the target below " + before, d -> ((Number) app.browser.executeScript("return document.getElementById('target').value")).doubleValue() < before - 1e-9);

        // a second tab shows the same session; closing it leaves the session running
        String first = app.browser.getWindowHandle();
        app.browser.switchTo().newWindow(WindowType.TAB);
        app.browser.get(app.base + "/");
        await("the same session in a second tab", d -> lit("gluteus-maximus-right") || lit("gluteus-medius-left") || text("region").equals("Rest"));
        app.browser.close();
        app.browser.switchTo().window(first);
        assertTrue(app.client.get("/session").body().path("running").asBoolean(), "closing a page does not stop the session");

        click("stop");
        awaitStopFrameAfterLastSpeed();
        await("the page shows the end", d -> text("state").equals("Finished"));
        assertTrue(text("report-title").contains("stopped by user"), text("report-title"));
        screenshot("finished", 1280, 800);
    }

    @Test
    @Order(3)
    void escape_stops_and_space_pauses() throws Exception {
        DaemonClient.Response started = app.client.post("/sessions", "{\"program\": \"sciatica-relief\"}");
        assertEquals(201, started.status(), started.body().toString());
        app.browser.get(app.base + "/");
        await("running", d -> text("state").equals("Running") || text("state").equals("Get ready"));
        app.browser.findElement(By.tagName("body")).sendKeys(" ");
        await("paused by the space bar", d -> text("state").startsWith("Paused"));
        assertEquals("PAUSED", app.client.get("/session").body().path("view").path("state").asText());
        int framesBefore = ReceivedFrameJson.readAll(record).size();
        app.browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        await("finished after Escape", d -> text("state").equals("Finished"));
        List<ReceivedFrame> after = ReceivedFrameJson.readAll(record);
        assertTrue(after.subList(framesBefore, after.size()).stream().anyMatch(f -> f.command().orElse(null) instanceof DeviceCommand.Stop),
                "Escape wrote a stop frame");
        // the page says Finished at the engine's end; the daemon takes the next start once its session thread is done
        await("the daemon's session over", Duration.ofSeconds(10), d -> {
            try {
                return !app.client.get("/session").body().path("running").asBoolean();
            } catch (IOException e) {
                return false;
            }
        });
    }

    @Test
    @Order(4)
    void a_form_on_another_site_cannot_start_or_change_a_session() throws Exception {
        DaemonClient.Response started = app.client.post("/sessions", "{\"program\": \"sciatica-relief\"}");
        assertEquals(201, started.status(), started.body().toString());
        HttpServer evil = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        String page = "<!doctype html><title>free prizes</title>"
                + "<form id='pause' method='POST' action='" + app.base + "/session/pause'><button id='go-pause'>win</button></form>"
                + "<form id='start' method='POST' enctype='text/plain' action='" + app.base + "/sessions'>"
                + "<input type='hidden' name='{\"program\":\"sciatica-relief\",\"client\":\"x' value='\"}'>"
                + "<button id='go-start'>win more</button></form>";
        evil.createContext("/", ex -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        evil.start();
        try {
            int evilPort = evil.getAddress().getPort();
            // same site (another port of 127.0.0.1: the strict cookie goes along) and cross site (localhost)
            for (String site : List.of("http://127.0.0.1:" + evilPort + "/", "http://localhost:" + evilPort + "/")) {
                app.browser.get(site);
                click("go-pause");
                await("the daemon's refusal of " + site, d -> d.getPageSource().contains("request refused"));
                JsonNode session = app.client.get("/session").body();
                assertEquals("RUNNING", session.path("view").path("state").asText(), "a form from " + site + " paused the session");
            }
            assertEquals(200, app.client.emergencyStop().status());
            await("the session ended", Duration.ofSeconds(10), d -> {
                try {
                    return !app.client.get("/session").body().path("running").asBoolean();
                } catch (IOException e) {
                    return false;
                }
            });
            app.browser.get("http://127.0.0.1:" + evilPort + "/");
            click("go-start");
            await("the daemon's refusal of the start", d -> d.getPageSource().contains("request refused"));
            assertFalse(app.client.get("/session").body().path("running").asBoolean(), "a cross-site form started a session");
        } finally {
            evil.stop(0);
        }
    }

    static int indexOf(List<String> spoken, String prefix) {
        for (int i = 0; i < spoken.size(); i++) if (spoken.get(i).startsWith(prefix)) return i;
        return -1;
    }

    static void awaitStopFrameAfterLastSpeed() throws Exception {
        await("a stop frame after the last speed in the simulator's record", Duration.ofSeconds(10), d -> {
            try {
                List<ReceivedFrame> frames = ReceivedFrameJson.readAll(record);
                int lastSpeed = -1;
                int lastStop = -1;
                for (int i = 0; i < frames.size(); i++) {
                    DeviceCommand c = frames.get(i).command().orElse(null);
                    if (c instanceof DeviceCommand.SetSpeed) lastSpeed = i;
                    if (c instanceof DeviceCommand.Stop) lastStop = i;
                }
                return lastSpeed >= 0 && lastStop > lastSpeed;
            } catch (IOException e) {
                return false;
            }
        });
    }
}
