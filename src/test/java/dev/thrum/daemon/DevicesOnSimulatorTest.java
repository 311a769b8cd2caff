package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.FakeDeviceSpec;
import dev.thrum.transport.serial.SocatPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The devices endpoints of a real {@code thrum daemon --device sim:thrum-open-serial} in a child
 * JVM: the simulated massager's battery, a scan that finds a real pseudo-terminal (socat) through a
 * {@code serial/by-id} link and Bluetooth devices through real tinyb against the fake BlueZ on a
 * private bus (the child inherits DBUS_SYSTEM_BUS_ADDRESS from Surefire), and a machine whose
 * Bluetooth adapter is gone.
 */
@ExtendWith(FakeBluezExtension.class)
class DevicesOnSimulatorTest {
    static Path home;
    static SocatPair pair;
    static Path byId;
    static ChildDaemon daemon;
    static DaemonClient client;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("thrum-devices-test-");
        pair = SocatPair.start(Files.createDirectories(home.resolve("pty")));
        byId = Files.createDirectories(home.resolve("dev/serial/by-id")).resolve("usb-Thrum_Maker_Gun-if00-port0");
        Files.createSymbolicLink(byId, pair.a());
        daemon = ChildDaemon.start(home, List.of("-Dthrum.serial.devDir=" + home.resolve("dev")), "--device", "sim:thrum-open-serial");
        client = daemon.client();
    }

    @AfterAll
    static void end() throws Exception {
        if (daemon != null) daemon.close();
        if (pair != null) pair.close();
    }

    @Test
    void the_simulated_massager_reports_its_battery() throws Exception {
        JsonNode current = client.get("/devices/current").body();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (current.path("battery").isNull() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            current = client.get("/devices/current").body();
        }
        assertEquals("sim:thrum-open-serial", current.path("device").asText());
        assertEquals("thrum-open-serial", current.path("profile").path("id").asText());
        assertEquals("connected", current.path("link").asText());
        assertTrue(current.path("battery").isInt() && current.path("battery").asInt() > 0, current.toString());
        assertEquals(home.resolve("config/thrum/config.json").toString(), current.path("default").path("file").asText());
    }

    @Test
    void a_scan_finds_the_serial_port_and_the_bluetooth_guns_with_their_profiles(FakeBluez bluez) throws Exception {
        bluez.addDevice(FakeDeviceSpec.ffe0("5E:00:00:00:00:20", "Elite").withRssi(-44));
        bluez.addDevice(FakeDeviceSpec.ffe0("5E:00:00:00:00:21", "<img src=x onerror=alert(1)>").withRssi(-70));

        DaemonClient.Response r = client.post("/devices/scan", "{\"seconds\": 1}");

        assertEquals(200, r.status(), r.body().toString());
        JsonNode port = r.body().path("serial").path("ports").get(0);
        assertEquals(pair.a().toRealPath().toString(), port.path("path").asText(), r.body().toString());
        assertEquals(byId.toString(), port.path("preferredName").asText());
        assertEquals("thrum-open-serial", port.path("profiles").get(0).path("id").asText());
        JsonNode ble = r.body().path("ble");
        assertTrue(ble.path("available").asBoolean(), ble.toString());
        assertEquals("5E:00:00:00:00:20", ble.path("devices").get(0).path("address").asText(), ble.toString());
        assertEquals("Elite", ble.path("devices").get(0).path("name").asText());
        assertEquals("theragun-gen4", ble.path("devices").get(0).path("profile").asText());
        assertEquals("<img src=x onerror=alert(1)>", ble.path("devices").get(1).path("name").asText(), "names are data, passed on as sent");
        assertTrue(ble.path("devices").get(1).path("profile").isNull());
    }

    @Test
    void without_a_bluetooth_adapter_the_scan_says_so_and_still_lists_the_ports(FakeBluez bluez) throws Exception {
        bluez.removeAdapter();

        DaemonClient.Response r = client.post("/devices/scan", "{\"seconds\": 1}");

        assertEquals(200, r.status(), r.body().toString());
        assertFalse(r.body().path("ble").path("available").asBoolean(), r.body().toString());
        assertTrue(r.body().path("ble").path("message").asText().startsWith("No Bluetooth adapter found."), r.body().toString());
        assertEquals(1, r.body().path("serial").path("ports").size());
    }
}
