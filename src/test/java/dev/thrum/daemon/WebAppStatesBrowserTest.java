package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's states in a real Chromium, fed event by event: an in-process daemon on a fake host, its
 * event hub publishing exactly what the test says, including events the engine may not send yet
 * ({@code getReady}, a force reading) and events with optional fields missing.
 */
class WebAppStatesBrowserTest {
    static FakeSessionHost host;

    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        host = new FakeSessionHost();
        app = WebAppFixture.inProcess("thrum-web-states-", h -> TestDaemons.withLibrary(h, host));
        app.openBrowser(1280, 800);
        app.logIn(Duration.ofSeconds(10), d -> text("state").equals("Ready"));
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(10), condition);
    }

    static void click(String id) { Chromium.click(app.browser, id); }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    static boolean shown(String id) { return app.browser.findElement(By.id(id)).isDisplayed(); }

    static void publish(String name, String json) throws Exception {
        TestDaemons.hub(app.inProcess).publish(name, (ObjectNode) Json.MAPPER.readTree(json));
    }

    @SuppressWarnings("unchecked")
    static List<String> spoken() { return (List<String>) app.browser.executeScript("return window.__spoken"); }

    @Test
    void a_client_whose_conditions_need_confirming_starts_only_after_the_warnings_were_confirmed() throws Exception {
        HttpResponse<String> saved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.inProcess.port() + "/clients/ann-smith"))
                .header("Authorization", "Bearer " + app.inProcess.token().value())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"id\": \"ann-smith\", \"name\": \"Ann Smith\", \"conditions\": [\"herniated-disc\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(saved.statusCode() == 201 || saved.statusCode() == 200, saved.body());
        app.browser.get("http://127.0.0.1:" + app.inProcess.port() + "/");
        await("the start form", d -> shown("start") && !new Select(d.findElement(By.id("client"))).getOptions().isEmpty());
        new Select(app.browser.findElement(By.id("program"))).selectByValue("sciatica-relief");
        new Select(app.browser.findElement(By.id("client"))).selectByValue("ann-smith");
        await("the warnings to confirm", d -> shown("confirm-box") && !text("confirmations").isBlank());
        assertTrue(text("plan-summary").contains("for Ann Smith"), text("plan-summary"));
        assertTrue(!app.browser.findElement(By.id("start-button")).isEnabled(), "Start waits for the confirmation");
        click("confirm");
        await("Start enabled", d -> d.findElement(By.id("start-button")).isEnabled());
        click("start-button");
        await("the session started on the host", d -> host.started.size() == 1);
        assertEquals("Ann Smith", host.started.get(0).clientName());
        assertTrue(host.started.get(0).confirmations().isEmpty(), "planned after the confirmation was recorded");
    }

    @Test
    void each_state_of_a_session_is_shown_clearly() throws Exception {
        app.browser.get("http://127.0.0.1:" + app.inProcess.port() + "/");
        await("the page", d -> text("state").equals("Ready") || text("state").equals("Finished"));
        app.browser.executeScript("window.__spoken = [];"
                + "window.speechSynthesis.speak = u => { window.__spoken.push(u.text); };");
        String at = "\"at\":\"" + Instant.now() + "\"";
        publish("started", "{" + at + ",\"programId\":\"p\",\"programName\":\"Test\",\"clientName\":null,\"stepCount\":3,\"plannedDuration\":120.0}");
        publish("stepStarted", "{" + at + ",\"index\":0,\"regionId\":\"calves\",\"regionName\":\"Calves\",\"side\":\"RIGHT\","
                + "\"rest\":false,\"cue\":\"Along the calf muscle\",\"duration\":60.0,\"target\":0.3,\"cap\":0.5}");
        await("the calf, right side, lit", d -> app.browser.findElement(By.id("calves-right")).getDomAttribute("class").contains("now"));
        assertEquals("Calves", text("region"));
        assertEquals("Along the calf muscle", text("cue"));
        assertTrue(spoken().contains("Calves, right side. Along the calf muscle"), spoken().toString());

        // the get-ready countdown, from the event issue 15's engine sends; it ends when the motor starts
        publish("getReady", "{" + at + ",\"index\":0,\"seconds\":5,\"kind\":\"region\"}");
        await("the countdown", d -> shown("countdown") && text("state").equals("Get ready"));
        assertTrue(List.of("5", "4").contains(text("countdown-seconds")), text("countdown-seconds"));
        assertEquals("Calves, right side", text("countdown-what"));
        publish("commanded", "{" + at + ",\"stepIndex\":0,\"command\":{\"value\":1800}}");
        await("the countdown gone once the motor runs", d -> !shown("countdown") && text("state").equals("Running"));

        // events the page cannot read are passed over; the next ones still show
        publish("status", "{\"at\":\"" + Instant.now() + "\"}");
        publish("emergencyStop", "{}");
        // a status without force shows no gauge; with force it does; a low battery is a banner
        publish("status", "{\"status\":{\"running\":true,\"speed\":1800,\"force\":null,\"battery\":null},\"at\":\"" + Instant.now() + "\"}");
        assertTrue(!shown("pressure-box"));
        publish("status", "{\"status\":{\"running\":true,\"speed\":1800,\"force\":40,\"battery\":12},\"at\":\"" + Instant.now() + "\"}");
        await("the pressure gauge", d -> shown("pressure-box") && text("pressure-text").equals("40 (device estimate)"));
        await("the battery banner", d -> text("banner").startsWith("Battery low (12%)"));
        // pressure guidance: the engine's advice is shown and spoken; the view's pressure gives band and reading
        publish("pressureAdvised", "{" + at + ",\"stepIndex\":0,\"regionId\":\"calves\",\"band\":\"MEDIUM\",\"advice\":\"LIGHTER\","
                + "\"newtons\":140.0,\"wanted\":{\"low\":67.5,\"high\":135.0}}");
        await("the pressure advice", d -> text("advice").equals("press lighter"));
        assertTrue(spoken().contains("press lighter"), spoken().toString());
        publish("view", "{\"running\":true,\"link\":\"up\",\"pressure\":{\"band\":\"medium\",\"maxBand\":\"firm\","
                + "\"advice\":\"hold\",\"words\":\"hold this pressure\",\"newtons\":90.0,\"wanted\":{\"low\":67.5,\"high\":135.0},"
                + "\"unit\":\"N\",\"shown\":\"90 N\"}}");
        await("the pressure from the view", d -> text("advice").equals("hold this pressure")
                && text("pressure-text").equals("medium pressure: 90 N (device estimate)"));

        publish("linkDown", "{\"up\":false,\"reason\":\"gone\"," + at + "}");
        await("link lost", d -> text("state").equals("Link lost") && text("banner").startsWith("Link to the massager lost"));
        assertTrue(spoken().stream().anyMatch(s -> s.startsWith("Link to the massager lost")), spoken().toString());
        publish("linkUp", "{\"up\":true,\"reason\":null," + at + "}");
        await("link back", d -> text("state").equals("Running"));

        publish("paused", "{" + at + ",\"reason\":\"BATTERY_LOW\"}");
        await("paused for the battery", d -> text("state").equals("Paused: battery low") && text("pause").equals("Resume"));
        publish("resumed", "{" + at + "}");
        await("resumed", d -> text("state").equals("Running") && text("pause").equals("Pause"));

        publish("sessionEnded", "{\"report\":{\"programId\":\"p\",\"programName\":\"Test\",\"outcome\":\"COMPLETED\","
                + "\"activeSeconds\":61.0,\"pausedSeconds\":4.0,\"steps\":[{\"rest\":false,\"actualSeconds\":60.0},{\"rest\":true,\"actualSeconds\":5.0},{\"rest\":false,\"actualSeconds\":0.0}],\"warnings\":[\"Calves: 2 minutes reached\"],\"interruptions\":1}}");
        await("finished with its summary", d -> text("state").equals("Finished") && shown("finished"));
        assertEquals("Test: completed", text("report-title"));
        assertTrue(text("report-rows").contains("1:01"), text("report-rows"));
        assertTrue(text("report-rows").contains("Regions treated\n1 of 2"), text("report-rows"));
        assertEquals("Calves: 2 minutes reached", text("report-warnings"));
        assertTrue(shown("start"), "the start form comes back");
    }
}
