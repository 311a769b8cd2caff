package dev.thrum.transport.ble;

import dev.thrum.testkit.Await;
import dev.thrum.device.DeviceEvent;
import dev.thrum.device.DeviceSession;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.protocol.Codec;
import dev.thrum.protocol.Codecs;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.protocol.ShippedProfiles;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.SimulatedGattDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The device session (write queue, pacing, status polling, link watching) over the real BLE path
 * to the simulated Theragun: status flows, a dropped link is reported once and restored once, and
 * the stop frame reaches the device before the transport closes.
 */
@ExtendWith(FakeBluezExtension.class)
class BleDeviceSessionTest {

    private static final String ADDRESS = "5E:00:00:00:00:02";

    @BeforeEach
    void settle() throws Exception {
        TinybSettle.awaitPoweredAdapter();
    }

    @Test
    void sessionOverBleSeesStatusLinkLossAndRestoreAndStopsTheMotorOnClose(FakeBluez bluez) throws Exception {
        DeviceProfile profile = ShippedProfiles.get("theragun-gen4");
        Codec codec = Codecs.forProfile(profile);
        BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();
        try (SimulatedGattDevice sim = SimulatedGattDevice.add(bluez, ADDRESS, profile, codec)) {
            BleTransport ble = BleTransport.to(ADDRESS, profile, BleTestProfiles.fast());
            try (DeviceSession session = new DeviceSession(ble, codec, profile, events::add)) {
                session.start();
                assertNotNull(next(events, DeviceEvent.StatusReceived.class), "status arrives over BLE");

                session.setSpeed(2000);
                awaitSpeed(sim, 2000);

                sim.device().dropLink();
                assertNotNull(next(events, DeviceEvent.LinkLost.class));
                sim.device().restoreLink();
                assertNotNull(next(events, DeviceEvent.LinkRestored.class));

                int lowest = profile.output().lowestRunning();
                session.setSpeed(lowest);
                awaitSpeed(sim, lowest);
            }
            List<DeviceCommand> got = sim.simulator().receivedCommands();
            assertEquals(new DeviceCommand.Stop(), got.get(got.size() - 1), "the last frame the device got is stop");
            assertEquals(profile.output().stopValue(), sim.simulator().commandedSpeed());
            ble.close();
        }
    }

    private static <T extends DeviceEvent> T next(BlockingQueue<DeviceEvent> events, Class<T> type) {
        return Await.taken(events, type, Duration.ofSeconds(10), "a " + type.getSimpleName());
    }

    private static void awaitSpeed(SimulatedGattDevice sim, int speed) {
        Await.until(() -> sim.simulator().commandedSpeed() == speed, Duration.ofSeconds(5),
                () -> "the device to get speed " + speed + ": " + sim.simulator().receivedCommands());
    }
}
