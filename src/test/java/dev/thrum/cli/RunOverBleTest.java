package dev.thrum.cli;

import dev.thrum.testkit.Await;
import dev.thrum.store.ThrumDirs;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.ShippedProfiles;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.SimulatedGattDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.time.Duration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** End to end over BLE: thrum run -> session -> BleTransport -> tinyb -> fake BlueZ -> simulated Theragun. */
@ExtendWith(FakeBluezExtension.class)
class RunOverBleTest {

    private static final String ADDRESS = "5E:00:00:00:00:10";

    @TempDir
    Path home;

    @Test
    void sciaticaReliefCompletesOverBleWithRampsFromLowAndAFinalStop(FakeBluez bluez) throws Exception {
        DeviceProfile profile = ShippedProfiles.get("theragun-gen4");
        try (SimulatedGattDevice sim = SimulatedGattDevice.add(bluez, ADDRESS, profile, Codecs.forProfile(profile))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new RunCommand(new ThrumDirs(home.resolve("config"), home.resolve("data"))));
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));

            int code = cl.execute("sciatica-relief", "--device", "ble:" + ADDRESS, "--speedup", "100", "--yes", "--plain");

            assertEquals(0, code, err + "\n" + out);
            assertTrue(out.toString().contains("finished: completed"), out.toString());
            List<DeviceCommand> got = sim.simulator().receivedCommands();
            List<Integer> speeds = got.stream().filter(c -> c instanceof DeviceCommand.SetSpeed)
                    .map(c -> ((DeviceCommand.SetSpeed) c).value()).toList();
            assertFalse(speeds.isEmpty(), "speeds reached the device: " + got);
            assertEquals(new DeviceCommand.Stop(), got.get(got.size() - 1), "the last frame is stop: " + got);
            assertTrue(speeds.stream().allMatch(v -> v >= profile.output().lowestRunning() && v <= profile.output().highest()));
            // every start (the first speed, and the first after each stop) begins at the lowest running value
            boolean fresh = true;
            int ramps = 0;
            for (DeviceCommand c : got) {
                if (c instanceof DeviceCommand.Stop) fresh = true;
                if (c instanceof DeviceCommand.SetSpeed s) {
                    if (fresh) {
                        assertEquals(profile.output().lowestRunning(), s.value(), "a start begins low: " + got);
                        ramps++;
                    }
                    fresh = false;
                }
            }
            assertTrue(ramps >= 1, "at least one ramp: " + got);
        }
    }

    @Test
    void aLinkDropMidRampPausesAndTheFirstSpeedAfterReconnectIsTheLowest(FakeBluez bluez) throws Exception {
        DeviceProfile profile = ShippedProfiles.get("theragun-gen4");
        int lowest = profile.output().lowestRunning();
        try (SimulatedGattDevice sim = SimulatedGattDevice.add(bluez, ADDRESS, profile, Codecs.forProfile(profile))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new RunCommand(new ThrumDirs(home.resolve("config"), home.resolve("data"))));
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            java.util.concurrent.CompletableFuture<Integer> run = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    cl.execute("sciatica-relief", "--device", "ble:" + ADDRESS, "--speedup", "100", "--yes", "--plain"));

            // wait until the motor is ramping above the lowest value
            Await.until(() -> {
                if (run.isDone()) fail("the run ended before a ramp: " + out);
                return sim.simulator().commandedSpeed() > lowest;
            }, Duration.ofSeconds(20), () -> "a ramp: " + out);
            sim.device().dropLink();
            Await.until(() -> out.toString().contains("link lost"), Duration.ofSeconds(20), () -> "Thrum to see the link drop: " + out);
            int before = sim.simulator().receivedCommands().size();
            sim.device().restoreLink();

            assertEquals(0, run.get(60, java.util.concurrent.TimeUnit.SECONDS), err + "\n" + out);
            List<DeviceCommand> after = sim.simulator().receivedCommands();
            after = after.subList(before, after.size());
            DeviceCommand.SetSpeed first = after.stream().filter(c -> c instanceof DeviceCommand.SetSpeed)
                    .map(c -> (DeviceCommand.SetSpeed) c).findFirst().orElseThrow(() -> new AssertionError("no speed after reconnect"));
            assertEquals(lowest, first.value(), "the first speed after reconnect is the lowest running value: " + after);
            assertEquals(2, sim.device().connectCount(), "reconnected once");
            List<DeviceCommand> all = sim.simulator().receivedCommands();
            assertEquals(new DeviceCommand.Stop(), all.get(all.size() - 1));
        }
    }
}
