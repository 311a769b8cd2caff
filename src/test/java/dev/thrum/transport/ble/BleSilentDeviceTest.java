package dev.thrum.transport.ble;

import dev.thrum.testkit.Await;
import dev.thrum.app.DeviceHub;
import dev.thrum.app.RunnerEvent;
import dev.thrum.app.SessionRunner;
import dev.thrum.device.DeviceEvent;
import dev.thrum.store.ProgramLibraryLoader;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.usage.UsageLog;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.program.Planner;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.SessionPlan;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.ShippedProfiles;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.SimulatedGattDevice;
import dev.thrum.transport.sim.ReceivedFrame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A session over the real BLE path (tinyb, D-Bus, the fake BlueZ, the simulated Theragun) whose
 * device goes mute mid-ramp: it still hears and obeys, so stops written into the silence reach it,
 * within one pacing gap of the loss and then one every gap; no speed until the ramp starts again
 * from the lowest running value.
 */
@ExtendWith(FakeBluezExtension.class)
class BleSilentDeviceTest {

    private static final String ADDRESS = "5E:00:00:00:00:07";
    /** Delivery through tinyb, the bus and the fake BlueZ to the simulator, on a busy 2-core machine. */
    private static final long DELIVERY_SLACK_MS = 500;
    /** A thread's wake-up on a busy 2-core machine; on virtual time the bound is exact (LostLinkStopTest). */
    private static final long WAKE_UP_SLACK_MS = 100;

    @TempDir
    Path data;

    @BeforeEach
    void settle() throws Exception {
        TinybSettle.awaitPoweredAdapter();
    }

    @Test
    void aMuteDeviceGetsStopsWithinOneGapOfTheLossAndNoSpeedUntilTheRampFromLow(FakeBluez bluez) throws Exception {
        DeviceProfile profile = ShippedProfiles.get("theragun-gen4");
        Codec codec = Codecs.forProfile(profile);
        int lowest = profile.output().lowestRunning();
        List<DeviceEvent> deviceEvents = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        try (SimulatedGattDevice sim = SimulatedGattDevice.add(bluez, ADDRESS, profile, codec);
             DeviceHub hub = new DeviceHub(profile, codec, BleTransport.to(ADDRESS, profile, BleTestProfiles.fast()))) {
            hub.addListener(deviceEvents::add);
            hub.connect();
            SessionRunner runner = new SessionRunner(hub, plan(), UsageLog.in(data), null, Clock.systemUTC());
            runner.addListener(e -> { if (e instanceof RunnerEvent.Problem p) problems.add(p.message()); });
            runner.start();
            await("a ramp above the lowest value", 30, () -> sim.simulator().commandedSpeed() > lowest);

            sim.simulator().stopAnswering();
            Instant mutedAt = Instant.now();
            await("the link loss", 20, () -> deviceEvents.stream().anyMatch(DeviceEvent.LinkLost.class::isInstance));
            Instant lostAt = deviceEvents.stream().filter(DeviceEvent.LinkLost.class::isInstance).findFirst().orElseThrow().at();
            await("a second of stops", 10, () -> Instant.now().isAfter(lostAt.plusSeconds(1)));
            assertEquals(profile.output().stopValue(), sim.simulator().commandedSpeed(), "the mute motor was stopped");
            sim.simulator().resumeAnswering();
            await("the re-ramp", 20, () -> received(sim, lostAt).stream()
                    .anyMatch(f -> f.command().orElse(null) instanceof DeviceCommand.SetSpeed));
            runner.emergencyStop().get(5, TimeUnit.SECONDS);
            assertNotNull(runner.awaitEnd(Duration.ofSeconds(10)));

            long gap = hub.session().holdStillEveryMs();
            Instant firstStopWritten = deviceEvents.stream()
                    .filter(e -> e instanceof DeviceEvent.CommandWritten w && w.command() instanceof DeviceCommand.Stop
                            && !w.at().isBefore(lostAt))
                    .findFirst().orElseThrow(() -> new AssertionError("no stop written after the loss")).at();
            long writtenAfter = Duration.between(lostAt, firstStopWritten).toMillis();
            assertTrue(writtenAfter <= gap + WAKE_UP_SLACK_MS, "the first stop was written " + writtenAfter + " ms after the loss; gap " + gap);

            List<ReceivedFrame> fromLoss = received(sim, lostAt);
            ReceivedFrame firstStop = fromLoss.stream().filter(f -> f.command().orElse(null) instanceof DeviceCommand.Stop)
                    .findFirst().orElseThrow(() -> new AssertionError("no stop reached the device: " + fromLoss));
            long arrivedAfter = Duration.between(lostAt, firstStop.at()).toMillis();
            assertTrue(arrivedAfter <= gap + DELIVERY_SLACK_MS, "the first stop reached the device " + arrivedAfter + " ms after the loss");

            int reRamp = -1;
            for (int i = 0; i < fromLoss.size() && reRamp < 0; i++)
                if (fromLoss.get(i).command().orElse(null) instanceof DeviceCommand.SetSpeed) reRamp = i;
            assertTrue(reRamp > 0, fromLoss.toString());
            List<ReceivedFrame> outage = fromLoss.subList(0, reRamp);
            assertTrue(outage.stream().allMatch(f -> f.command().orElse(null) instanceof DeviceCommand.Stop
                            || f.command().orElse(null) instanceof DeviceCommand.StatusRequest),
                    "nothing that moves the motor between the loss and the re-ramp: " + outage);
            long stops = outage.stream().filter(f -> f.command().orElse(null) instanceof DeviceCommand.Stop).count();
            assertTrue(stops >= 10, stops + " stops in the outage");
            assertEquals(new DeviceCommand.SetSpeed(lowest), fromLoss.get(reRamp).command().orElseThrow(),
                    "the ramp starts again from the lowest running value");
            assertTrue(problems.stream().anyMatch(p -> p.contains("keeps sending stop every " + gap + " ms")
                    && p.contains("switch it off by hand")), problems.toString());
        }
    }

    private static List<ReceivedFrame> received(SimulatedGattDevice sim, Instant from) {
        return sim.simulator().received().stream().filter(f -> !f.at().isBefore(from)).toList();
    }

    private SessionPlan plan() {
        RegionCatalogue catalogue = RegionCatalogueLoader.builtIn();
        var library = ProgramLibraryLoader.load(catalogue, data.resolve("no-user-programs"));
        return new Planner(catalogue).plan(library.find("general-warm-up").orElseThrow());
    }

    private static void await(String what, long seconds, BooleanSupplier condition) {
        Await.until(condition::getAsBoolean, Duration.ofSeconds(seconds), what);
    }
}
