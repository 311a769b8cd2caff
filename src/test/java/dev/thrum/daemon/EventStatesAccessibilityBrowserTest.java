package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The "now" page's states that the simulator cannot be asked for, checked like every other state
 * ({@link PageCheck}): an in-process daemon on a fake session host whose event hub publishes what
 * the test says (as in {@link WebAppStatesBrowserTest}): a get-ready countdown that lasts, the
 * pressure gauge with advice, the low-battery and link-lost banners, a pause for the battery.
 */
class EventStatesAccessibilityBrowserTest {
    interface Reach { void run() throws Exception; }

    record EventState(String name, boolean keys, Reach reach) {}

    static final List<EventState> STATES = List.of(
            new EventState("now: get-ready countdown", true, () -> {
                publish("started", "{" + at() + ",\"programId\":\"p\",\"programName\":\"Test\",\"clientName\":null,\"stepCount\":2,\"plannedDuration\":120.0}");
                publish("stepStarted", "{" + at() + ",\"index\":0,\"regionId\":\"calves\",\"regionName\":\"Calves\",\"side\":\"RIGHT\","
                        + "\"rest\":false,\"cue\":\"Along the calf muscle\",\"duration\":60.0,\"target\":0.3,\"cap\":0.5}");
                publish("getReady", "{" + at() + ",\"index\":0,\"seconds\":600,\"kind\":\"region\"}");
                await("the countdown", d -> shown("countdown") && text("state").equals("Get ready"));
            }),
            new EventState("now: running, pressure gauge with advice, battery low", false, () -> {
                publish("commanded", "{" + at() + ",\"stepIndex\":0,\"command\":{\"value\":1800}}");
                publish("status", "{\"status\":{\"running\":true,\"speed\":1800,\"force\":40,\"battery\":12}," + at() + "}");
                publish("pressureAdvised", "{" + at() + ",\"stepIndex\":0,\"regionId\":\"calves\",\"band\":\"MEDIUM\",\"advice\":\"LIGHTER\","
                        + "\"newtons\":140.0,\"wanted\":{\"low\":67.5,\"high\":135.0}}");
                await("gauge, advice and banner", d -> !shown("countdown") && shown("pressure-box")
                        && text("advice").equals("press lighter") && text("banner").startsWith("Battery low"));
            }),
            new EventState("now: link lost", false, () -> {
                publish("linkDown", "{\"up\":false,\"reason\":\"gone\"," + at() + "}");
                await("link lost", d -> text("state").equals("Link lost") && text("banner").startsWith("Link to the massager lost"));
            }),
            new EventState("now: paused for the battery", false, () -> {
                publish("linkUp", "{\"up\":true,\"reason\":null," + at() + "}");
                publish("paused", "{" + at() + ",\"reason\":\"BATTERY_LOW\"}");
                await("paused", d -> text("state").equals("Paused: battery low"));
            }));

    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.inProcess("thrum-a11y-events-", h -> TestDaemons.withLibrary(h, new FakeSessionHost()));
        app.openBrowser(1280, 800);
        app.logIn(Duration.ofSeconds(10), d -> text("state").equals("Ready"));
    }

    @AfterAll
    static void end() {
        if (app != null) app.close();
    }

    @TestFactory
    Stream<DynamicTest> the_states_only_events_bring_pass_the_accessibility_check() {
        return STATES.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            s.reach().run();
            PageCheck.assertAccessible(app.browser, s.name(), s.keys());
        }));
    }

    static String at() { return "\"at\":\"" + Instant.now() + "\""; }

    static void publish(String name, String json) throws Exception {
        TestDaemons.hub(app.inProcess).publish(name, (ObjectNode) Json.MAPPER.readTree(json));
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(10), condition);
    }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    static boolean shown(String id) { return app.browser.findElement(By.id(id)).isDisplayed(); }
}
