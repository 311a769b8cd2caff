package dev.thrum.daemon;

import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.FakeDeviceSpec;
import dev.thrum.transport.serial.SocatPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The devices page in a real Chromium against a real {@code thrum daemon --device sim:thrum-open-serial}:
 * the device in use with its battery, a scan (started from the keyboard) that lists a socat port with
 * its profiles and Bluetooth guns from the fake BlueZ, one chosen as the default (the real config.json
 * changes, and the page says the daemon needs a restart), a bad device refused at its field, and
 * hostile names from a device and from a port link shown as text.
 */
@ExtendWith(FakeBluezExtension.class)
class DevicesBrowserTest {
    static final String HOSTILE = "<img src=x onerror=window.pwned=1>";
    static SocatPair pair;
    static Path byId;

    static WebAppFixture app;

    @BeforeAll
    static void start() throws Exception {
        app = WebAppFixture.onSimulator("thrum-devices-page-", h -> {
            pair = SocatPair.start(Files.createDirectories(h.resolve("pty")));
            Path links = Files.createDirectories(h.resolve("dev/serial/by-id"));
            byId = links.resolve("usb-Thrum_Maker_Gun-if00-port0");
            Files.createSymbolicLink(byId, pair.a());
            Files.createSymbolicLink(links.resolve("usb-" + HOSTILE + "-if00"), pair.b());
        }, h -> List.of("-Dthrum.serial.devDir=" + h.resolve("dev")), h -> List.of("--device", "sim:thrum-open-serial"));
        app.openLoggedIn(1280, 1000, Duration.ofSeconds(20));
    }

    @AfterAll
    static void end() throws Exception {
        try {
            if (app != null) app.close();
        } finally {
            if (pair != null) pair.close();
        }
    }

    static <T> T await(String what, Function<WebDriver, T> condition) {
        return app.await(what, Duration.ofSeconds(20), condition);
    }

    static String text(String id) { return app.browser.findElement(By.id(id)).getText(); }

    static Path config() { return app.home.resolve("config/thrum/config.json"); }

    @Test
    void the_device_in_use_a_keyboard_scan_and_a_new_default_device(FakeBluez bluez) throws Exception {
        bluez.addDevice(FakeDeviceSpec.ffe0("5E:00:00:00:00:20", "Elite").withRssi(-44));
        bluez.addDevice(FakeDeviceSpec.ffe0("5E:00:00:00:00:21", HOSTILE).withRssi(-70));
        app.browser.findElement(By.linkText("Devices")).click(); // linked from the now page's header
        await("the devices page", d -> d.getCurrentUrl().equals(app.base + "/app/devices.html"));
        app.browser.executeScript("window.__errors = []; window.addEventListener('error', e => __errors.push(e.message));");

        await("the device in use", d -> text("cur-device").startsWith("sim:thrum-open-serial"));
        await("its battery", d -> text("cur-battery").matches("\\d+%.*"));
        assertTrue(text("cur-profile").contains("thrum-open-serial"), text("cur-profile"));
        assertEquals("Connected", text("cur-link"));
        assertTrue(text("default-note").startsWith("No default device is set"), text("default-note"));

        // keyboard only: the length field, then Tab to the Scan button, Enter
        WebElement seconds = app.browser.findElement(By.id("scan-seconds"));
        seconds.click();
        seconds.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1", Keys.TAB);
        assertEquals("scan", app.browser.switchTo().activeElement().getAttribute("id"), "Tab goes from the length to Scan");
        app.browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        await("the scan's result", d -> text("scan-state").equals("Scan finished."));

        String portRow = serialRowText(pair.a().toRealPath().toString());
        assertTrue(portRow.contains(byId.toString()) && portRow.contains("thrum-open-serial (possible)"), portRow);
        assertTrue(text("ble-rows").contains("Elite") && text("ble-rows").contains("theragun-gen4"), text("ble-rows"));
        assertTrue(text("ble-rows").contains(HOSTILE), "a hostile Bluetooth name shows as text: " + text("ble-rows"));
        assertTrue(text("serial-rows").contains("usb-" + HOSTILE + "-if00"), "a hostile link name shows as text: " + text("serial-rows"));
        assertEquals(0L, app.browser.executeScript("return document.querySelectorAll('main img').length"));
        assertEquals(null, app.browser.executeScript("return window.pwned === undefined ? null : window.pwned"));
        screenshot();

        String spec = "serial:" + byId + "@thrum-open-serial";
        WebElement use = app.browser.findElement(By.cssSelector("button[aria-label='Use " + pair.a().toRealPath() + " as the default device']"));
        app.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", use);
        use.click();
        await("the note that the daemon needs a restart", d -> text("default-note").contains("until it restarts"));
        assertEquals(spec, Json.MAPPER.readTree(Files.readString(config())).path("device").asText(), "the real config.json");
        assertEquals(spec, app.browser.findElement(By.id("default-device")).getDomProperty("value"));
        assertTrue(text("devices-status").contains("Saved as the default device"), text("devices-status"));

        WebElement field = app.browser.findElement(By.id("default-device"));
        app.browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "usb0", Keys.ENTER);
        await("the mistake at its field", d -> text("err-default-device").contains("unknown device 'usb0'"));
        assertEquals(spec, Json.MAPPER.readTree(Files.readString(config())).path("device").asText(), "nothing written");
        assertEquals("[]", String.valueOf(app.browser.executeScript("return JSON.stringify(window.__errors)")));
    }

    // the whole page at once, for docs/web.md
    private static void screenshot() throws Exception {
        app.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1800));
        app.browser.executeScript("window.scrollTo(0, 0)");
        app.screenshot("devices");
        app.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    private static String serialRowText(String path) {
        return await("the port " + path, d -> d.findElements(By.cssSelector("#serial-rows tr")).stream().map(WebElement::getText)
                .filter(t -> t.startsWith(path + " ")).findFirst().orElse(null));
    }
}
