package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.app.DeviceDiscovery;
import dev.thrum.app.DeviceSpec;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.DeviceStatus;
import dev.thrum.protocol.ShippedProfiles;
import dev.thrum.transport.serial.SerialPortScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The devices endpoints over HTTP with a fake session host: the device in use as its events leave
 * it, the default device written into a real config.json (other keys kept, a broken file never
 * overwritten), the scan's refusals and its deadline. The real daemon on the simulator, a socat
 * port and the fake BlueZ are in {@link DevicesOnSimulatorTest}.
 */
class DeviceEndpointsTest {
    @TempDir Path home;
    final FakeSessionHost host = new FakeSessionHost();
    final List<Daemon> daemons = new ArrayList<>();

    @AfterEach
    void close() { daemons.forEach(Daemon::close); }

    Path config() { return home.resolve("config/thrum/config.json"); }

    DaemonClient start(DeviceSpec inUse, Duration linkGrace, Supplier<List<DeviceProfile>> profiles, Duration scanMargin) throws Exception {
        Path dev = Files.createDirectories(home.resolve("dev/serial/by-id"));
        Path port = Files.createDirectories(home.resolve("fake-pts")).resolve("7");
        if (!Files.exists(port)) Files.createFile(port);
        if (!Files.exists(dev.resolve("usb-Maker_Gun-if00"))) Files.createSymbolicLink(dev.resolve("usb-Maker_Gun-if00"), port);
        DeviceDiscovery discovery = new DeviceDiscovery(new SerialPortScanner(home.resolve("dev"), home.resolve("sys"), List::of), profiles);
        DeviceEndpoints endpoints = new DeviceEndpoints(host, new DeviceEndpoints.InUse(inUse, ShippedProfiles.get("thrum-open-serial"), config()),
                ShippedProfiles.library().profiles(), discovery, linkGrace, scanMargin);
        Daemon d = TestDaemons.start(home.resolve("d" + daemons.size()), host, (p, c, ok) -> TestPlans.twoSteps(p), List.of(endpoints::register));
        daemons.add(d);
        return new DaemonClient(d.port(), d.token());
    }

    DaemonClient start() throws Exception {
        return start(new DeviceSpec.Sim("thrum-open-serial"), Duration.ofSeconds(30), ShippedProfiles::all, Duration.ofSeconds(15));
    }

    @Test
    void the_device_in_use_shows_the_battery_and_firmware_it_last_reported_and_its_link() throws Exception {
        DaemonClient client = start();
        JsonNode before = client.get("/devices/current").body();
        assertEquals("sim:thrum-open-serial", before.path("device").asText());
        assertEquals("thrum-open-serial", before.path("profile").path("id").asText());
        assertEquals("connected", before.path("link").asText());
        assertTrue(before.path("battery").isNull(), "nothing reported yet: " + before);

        host.emit(new HostEvent.Status(new DeviceStatus(true, 1200, null, 64, null, "4.12"), Instant.now()));
        host.emit(new HostEvent.Status(new DeviceStatus(true, 1200, null, null, null, null), Instant.now()));
        host.link = false;
        host.emit(new HostEvent.Link(false, "no status for 3 s", Instant.now()));
        JsonNode down = client.get("/devices/current").body();
        assertEquals(64, down.path("battery").asInt(), "a frame without a battery keeps the last figure: " + down);
        assertEquals("4.12", down.path("firmware").asText());
        assertEquals("reconnecting", down.path("link").asText());
        assertEquals("no status for 3 s", down.path("linkReason").asText());

        host.link = true;
        host.emit(new HostEvent.Link(true, null, Instant.now()));
        JsonNode up = client.get("/devices/current").body();
        assertEquals("connected", up.path("link").asText());
        assertTrue(up.path("linkReason").isNull());
    }

    @Test
    void a_link_down_longer_than_the_grace_is_lost() throws Exception {
        DaemonClient client = start(new DeviceSpec.Sim(null), Duration.ZERO, ShippedProfiles::all, Duration.ofSeconds(15));
        host.link = false;
        host.emit(new HostEvent.Link(false, "serial port vanished", Instant.now()));
        assertEquals("lost", client.get("/devices/current").body().path("link").asText());
    }

    @Test
    void choosing_the_default_device_rewrites_config_json_keeping_every_other_key() throws Exception {
        Files.createDirectories(config().getParent());
        Files.writeString(config(), "{\"port\": 7500, \"theme\": {\"dark\": true}, \"device\": \"sim\"}");
        DaemonClient client = start();

        DaemonClient.Response r = client.put("/devices/default", "{\"device\": \"serial:/dev/serial/by-id/usb-Maker_Gun-if00@thrum-open-serial\"}");

        assertEquals(200, r.status(), r.body().toString());
        assertTrue(r.body().path("restartNeeded").asBoolean());
        assertTrue(r.body().path("message").asText().contains("keeps using sim:thrum-open-serial until it restarts"), r.body().toString());
        JsonNode file = Json.MAPPER.readTree(Files.readString(config()));
        assertEquals("serial:/dev/serial/by-id/usb-Maker_Gun-if00@thrum-open-serial", file.path("device").asText());
        assertEquals(7500, file.path("port").asInt());
        assertEquals("{\"dark\":true}", file.path("theme").toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config())));
        JsonNode current = client.get("/devices/current").body().path("default");
        assertEquals("serial:/dev/serial/by-id/usb-Maker_Gun-if00@thrum-open-serial", current.path("device").asText());
        assertTrue(current.path("restartNeeded").asBoolean());

        // the device in use as default: nothing to restart for; a missing folder and file are made
        Files.delete(config());
        DaemonClient.Response same = client.put("/devices/default", "{\"device\": \"sim:thrum-open-serial\"}");
        assertFalse(same.body().path("restartNeeded").asBoolean(), same.body().toString());
        assertEquals("{\"device\":\"sim:thrum-open-serial\"}", Json.MAPPER.readTree(Files.readString(config())).toString());
    }

    @Test
    void a_device_the_daemon_could_not_use_is_refused_naming_the_field_and_nothing_is_written() throws Exception {
        Files.createDirectories(config().getParent());
        Files.writeString(config(), "{\"device\": \"sim\"}\n");
        byte[] before = Files.readAllBytes(config());
        DaemonClient client = start();

        for (String[] c : new String[][] {
                {"{\"device\": \"usb0\"}", "($.device): unknown device 'usb0'"},
                {"{\"device\": \"serial:\"}", "($.device): unknown device serial without a port path"},
                {"{\"device\": \"sim:no-such-gun\"}", "($.device): no device profile 'no-such-gun'"},
                {"{\"device\": \"serial:/dev/ttyUSB0@theragun-gen4\"}", "($.device): the profile 'theragun-gen4' does not speak serial"},
                {"{\"device\": \"serial:ttyUSB0\"}", "($.device): the serial port 'ttyUSB0' is not a full path"},
                {"{\"device\": 7}", "($.device): missing"},
                {"{}", "($.device): missing"},
                {"{\"device\": \"sim\", \"restart\": true}", "unknown field 'restart'"}}) {
            DaemonClient.Response r = client.put("/devices/default", c[0]);
            assertEquals(400, r.status(), c[0] + " -> " + r.body());
            assertTrue(r.body().path("error").asText().contains(c[1]), c[0] + " -> " + r.body());
            assertFalse(r.body().path("hint").asText().isBlank(), c[0] + " -> " + r.body());
        }
        assertArrayEquals(before, Files.readAllBytes(config()));
    }

    @Test
    void a_config_json_that_is_a_link_stays_a_link() throws Exception {
        Path dotfiles = Files.createDirectories(home.resolve("dotfiles")).resolve("thrum-config.json");
        Files.writeString(dotfiles, "{\"port\": 7600}");
        Files.createDirectories(config().getParent());
        Files.createSymbolicLink(config(), dotfiles);
        DaemonClient client = start();

        assertEquals(200, client.put("/devices/default", "{\"device\": \"ble:5e:00:00:00:00:20\"}").status());

        assertTrue(Files.isSymbolicLink(config()), "still a link");
        assertEquals("{\"port\":7600,\"device\":\"ble:5E:00:00:00:00:20\"}", Json.MAPPER.readTree(Files.readString(dotfiles)).toString());
    }

    @Test
    void a_broken_config_json_is_never_overwritten() throws Exception {
        Files.createDirectories(config().getParent());
        Files.writeString(config(), "{\"port\": 7500,\n \"device\": \"sim\",,\n}");
        byte[] before = Files.readAllBytes(config());
        DaemonClient client = start();

        DaemonClient.Response r = client.put("/devices/default", "{\"device\": \"sim\"}");

        assertEquals(409, r.status(), r.body().toString());
        assertTrue(r.body().path("error").asText().startsWith(config() + ": line 2"), r.body().toString());
        assertArrayEquals(before, Files.readAllBytes(config()));
        JsonNode current = client.get("/devices/current").body();
        assertEquals(200, client.get("/devices/current").status());
        assertTrue(current.path("default").path("error").asText().contains("line 2"), current.toString());
    }

    @Test
    void the_scan_lists_serial_ports_with_their_profiles_and_refuses_bad_lengths() throws Exception {
        DaemonClient client = start();
        DaemonClient.Response r = client.post("/devices/scan", "{\"ble\": false}");
        assertEquals(200, r.status(), r.body().toString());
        JsonNode port = r.body().path("serial").path("ports").get(0);
        assertEquals(home.resolve("fake-pts/7").toRealPath().toString(), port.path("path").asText());
        assertEquals(home.resolve("dev/serial/by-id/usb-Maker_Gun-if00").toString(), port.path("preferredName").asText());
        assertEquals("thrum-open-serial", port.path("profiles").get(0).path("id").asText(), port.toString());
        assertEquals("possible", port.path("profiles").get(0).path("strength").asText());
        assertTrue(r.body().path("ble").isNull());

        for (String body : List.of("{\"seconds\": 0}", "{\"seconds\": 31}", "{\"seconds\": \"5\"}", "{\"ble\": \"yes\"}", "{\"ble\": false, \"serial\": false}", "{\"secs\": 5}")) {
            DaemonClient.Response bad = client.post("/devices/scan", body);
            assertEquals(400, bad.status(), body + " -> " + bad.body());
        }
        assertTrue(client.post("/devices/scan", "{\"seconds\": 0}").body().path("error").asText().contains("($.seconds)"));
    }

    @Test
    void no_bluetooth_scan_during_a_session_on_any_massager() throws Exception {
        DaemonClient client = start();
        host.running = true;

        DaemonClient.Response r = client.post("/devices/scan", "{\"seconds\": 1}");

        assertEquals(409, r.status(), r.body().toString());
        assertTrue(r.body().path("error").asText().contains("while a session runs"), r.body().toString());
        assertTrue(r.body().path("hint").asText().contains("{\"ble\": false}"));
        assertEquals(200, client.post("/devices/scan", "{\"ble\": false}").status(), "serial ports are still listed");
    }

    @Test
    void no_bluetooth_scan_while_the_bluetooth_massager_is_being_reconnected() throws Exception {
        DaemonClient client = start(new DeviceSpec.Ble("5E:00:00:00:00:20"), Duration.ofSeconds(30), ShippedProfiles::all, Duration.ofSeconds(15));
        host.link = false;

        DaemonClient.Response r = client.post("/devices/scan", "{\"seconds\": 1}");

        assertEquals(409, r.status(), r.body().toString());
        assertTrue(r.body().path("error").asText().contains("reconnecting to its Bluetooth massager"), r.body().toString());
    }

    @Test
    void one_scan_at_a_time_and_a_scan_that_hangs_is_answered_within_its_deadline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DaemonClient client = start(new DeviceSpec.Sim(null), Duration.ofSeconds(30), () -> {
            try {
                release.await(20, TimeUnit.SECONDS); // a stuck listing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ShippedProfiles.all();
        }, Duration.ofMillis(1500));
        try {
            // two at once: whichever comes first holds the scan (stuck until released), the other is refused
            List<CompletableFuture<DaemonClient.Response>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.post("/devices/scan", "{\"ble\": false}");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
            }
            List<DaemonClient.Response> answers = new ArrayList<>();
            for (CompletableFuture<DaemonClient.Response> f : both) answers.add(f.get(10, TimeUnit.SECONDS));
            answers.sort(java.util.Comparator.comparingInt(DaemonClient.Response::status));
            assertEquals(409, answers.get(0).status(), answers.toString());
            assertTrue(answers.get(0).body().path("error").asText().contains("already running"));
            assertEquals(504, answers.get(1).status(), answers.toString());
            assertTrue(answers.get(1).body().path("error").asText().contains("did not finish within 1.5 s"), answers.toString());
            // the stuck scan still runs: the next one waits for it, it does not pile up beside it
            assertEquals(409, client.post("/devices/scan", "{\"ble\": false}").status());
        } finally {
            release.countDown();
        }
    }
}
