package dev.thrum.it;

import dev.thrum.testkit.Await;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.FakeDevice;
import dev.thrum.transport.ble.fakebluez.FakeDeviceSpec;
import dev.thrum.transport.serial.SocatPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole sessions through {@code ./thrum}, one per kind of device: the built-in simulator, a serial
 * line (a socat pty pair) to {@code thrum simulate}, and Bluetooth LE (real tinyb against the fake
 * BlueZ on a private bus) to a Theragun that sends longer status frames than the profile describes and
 * drops the link mid-ramp. Then the review commands read the usage log those runs wrote. The tests
 * share one home and run in order; the last one needs the sessions of the others (run the class).
 */
@ExtendWith(FakeBluezExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionRunsIT {

    private static final String ADDRESS = "C4:7C:8D:6A:41:07";
    private static final int LOWEST_RUNNING = 1750; // theragun-gen4's output.min
    private static final Pattern SESSION = Pattern.compile("session (\\S+): completed");

    private static Path home;
    private static Thrum thrum;
    private static final List<String> sessions = new ArrayList<>();

    @BeforeAll
    static void home() throws IOException {
        home = Files.createTempDirectory("thrum-it-runs");
        thrum = Thrum.inNewHome(home);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    @Order(1)
    void aProgramRunsToTheEndOnTheSimulator() {
        ThrumProcess.Result r = thrum.run(Duration.ofSeconds(90), "run", "general-warm-up", "--speedup", "200")
                .assertExit(0);
        assertTrue(r.out().contains("finished: completed"), r::toString);
        sessions.add(completedSession(r));
    }

    @Test
    @Order(2)
    void aProgramRunsOverASerialLineToThrumSimulate() throws Exception {
        try (SocatPair pair = SocatPair.start(Files.createDirectories(home.resolve("pty")));
             ThrumProcess device = thrum.start("simulate", "--profile", "thrum-open-serial", "--serial", pair.b().toString())) {
            device.awaitStdout("simulating thrum-open-serial", Duration.ofSeconds(60));
            ThrumProcess.Result r = thrum.run(Duration.ofSeconds(90), "run", "general-warm-up",
                    "--device", "serial:" + pair.a(), "--speedup", "200", "--yes").assertExit(0);
            assertTrue(r.out().contains("finished: completed"), r::toString);
            sessions.add(completedSession(r));
            device.awaitStdout("setSpeed", Duration.ofSeconds(5));
            assertTrue(device.stdout().stream().anyMatch(l -> l.startsWith("received") && l.endsWith("  stop")),
                    "the device got the stop at the end:\n" + device.transcript());
        }
    }

    @Test
    @Order(3)
    void aBluetoothRunSurvivesALinkDropWithLongerStatusFramesAndRampsUpFromTheLowestValueAgain(FakeBluez bluez) {
        Gen4Peer peer = new Gen4Peer();
        FakeDevice gun = bluez.addKnownDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"));
        gun.deviceEnd(peer);
        Thrum ble = thrum.env("DBUS_SYSTEM_BUS_ADDRESS", bluez.busAddress());
        try (ThrumProcess run = ble.start("run", "sciatica-relief", "--device", "ble:" + ADDRESS, "--speedup", "50",
                "--yes")) {
            Await.until(() -> peer.speeds().stream().anyMatch(s -> s > LOWEST_RUNNING), Duration.ofSeconds(60),
                    () -> "the first ramp to pass " + LOWEST_RUNNING + "; speeds " + peer.speeds() + "\n" + run.transcript());
            gun.dropLink(); // mid-ramp: the gun goes out of range
            run.awaitStdout("link lost", Duration.ofSeconds(30));
            int beforeReconnect = peer.speeds().size();
            int repliesBefore = peer.statusReplies();
            gun.restoreLink();
            run.awaitStdout("link back", Duration.ofSeconds(60));
            ThrumProcess.Result r = run.awaitExit(Duration.ofSeconds(120)).assertExit(0);
            assertTrue(r.out().contains("finished: completed"), r::toString);
            sessions.add(completedSession(r));

            List<Integer> after = peer.speeds().subList(beforeReconnect, peer.speeds().size());
            int firstRunning = after.stream().filter(s -> s > 0).findFirst().orElseThrow();
            assertEquals(LOWEST_RUNNING, firstRunning, "after the reconnect the motor starts low again: " + after);
            assertTrue(peer.statusReplies() > repliesBefore, "status flowed after the reconnect");
            assertEquals(0, peer.badFrames(), "every frame Thrum wrote had the right header and checksum");
            assertEquals(0, peer.speeds().get(peer.speeds().size() - 1), "the session ends with the motor stopped");
        }
    }

    @Test
    @Order(4)
    void aBluetoothScanFindsTheGunAndItsProfile(FakeBluez bluez) {
        bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"));
        ThrumProcess.Result r = thrum.env("DBUS_SYSTEM_BUS_ADDRESS", bluez.busAddress())
                .run(Duration.ofSeconds(60), "devices", "--ble", "--timeout", "3").assertExit(0);
        String line = r.stdout().stream().filter(l -> l.contains(ADDRESS)).findFirst()
                .orElseThrow(() -> new AssertionError("the gun is not listed:\n" + r));
        assertTrue(line.contains("theragun-gen4"), line);
    }

    @Test
    @Order(5)
    void theReviewCommandsReadTheSessionsTheRunsLogged() throws IOException {
        assertEquals(3, sessions.size(), "run the whole class: this test reads the log of the three runs above");
        ThrumProcess.Result summary = thrum.run(Duration.ofSeconds(60), "log", "summary").assertExit(0);
        assertTrue(summary.out().contains("Sessions 3,"), summary::toString);
        assertTrue(summary.out().contains("completed 3"), summary::toString);
        ThrumProcess.Result list = thrum.run(Duration.ofSeconds(60), "log", "list").assertExit(0);
        for (String id : sessions) assertTrue(list.out().contains(id), id + " is listed:\n" + list);

        Path report = home.resolve("report.html");
        thrum.run(Duration.ofSeconds(60), "report", "--html", report.toString()).assertExit(0);
        String html = Files.readString(report);
        assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.substring(0, 100));
        assertTrue(html.contains("Usage report"), "a report:\n" + html);
        assertTrue(html.contains("Piriformis (deep in the buttock)"), "a region only the Bluetooth run's program treats is in the report, by its name");
        assertFalse(html.contains("<script src=\"http"), "the report is self-contained");

        // the force each device reported reached the log over serial and over Bluetooth (docs/pressure.md)
        for (int i : new int[] {1, 2}) {
            ThrumProcess.Result show = thrum.run(Duration.ofSeconds(60), "log", "show", sessions.get(i), "--json").assertExit(0);
            var record = new com.fasterxml.jackson.databind.ObjectMapper().readTree(show.out());
            double meanN = 0;
            for (var step : record.path("steps")) meanN = Math.max(meanN, step.path("pressure").path("meanN").asDouble(0));
            assertTrue(meanN > 0, "a mean force in the log of " + (i == 1 ? "the serial run" : "the Bluetooth run") + ":\n" + show);
            if (i == 2) assertEquals(10 * 4.448, meanN, 1.0, "Gen4Peer reports 10 lbf: " + show);
        }
        ThrumProcess.Result pressure = thrum.run(Duration.ofSeconds(60), "log", "pressure").assertExit(0);
        assertTrue(pressure.out().contains("Pressure per region"), pressure::toString);
    }

    private static String completedSession(ThrumProcess.Result r) {
        Matcher m = SESSION.matcher(r.out());
        assertTrue(m.find(), "no 'session ID: completed' line:\n" + r);
        return m.group(1);
    }
}
