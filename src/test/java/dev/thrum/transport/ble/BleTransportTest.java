package dev.thrum.transport.ble;

import dev.thrum.testkit.Await;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.DeviceProfile.WriteMode;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.LinkState;
import dev.thrum.transport.TransportException;
import dev.thrum.transport.ble.fakebluez.DeviceEnd;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeBluezExtension;
import dev.thrum.transport.ble.fakebluez.FakeDevice;
import dev.thrum.transport.ble.fakebluez.FakeDeviceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/** Real tinyb -> D-Bus -> fake BlueZ and back: connect, write, notifications, write modes, link loss. */
@ExtendWith(FakeBluezExtension.class)
class BleTransportTest {

    @org.junit.jupiter.api.BeforeEach
    void settle() throws Exception {
        TinybSettle.awaitPoweredAdapter();
    }

    private static final String ADDRESS = "C0:FF:EE:00:00:01";

    @Test
    void writesReachTheDeviceAndNotificationsComeBackAsWholeFrames(FakeBluez bluez) throws Exception {
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"));
        device.deviceEnd((bytes, toHost) -> toHost.accept(reversed(bytes)));
        try (BleTransport ble = BleTransport.to(ADDRESS.toLowerCase(), BleTestProfiles.withResponse("p"),
                BleTestProfiles.fast())) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            BlockingQueue<LinkState> states = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.onLinkState(states::add);

            ble.connect();

            assertEquals(LinkState.UP, states.poll(5, TimeUnit.SECONDS));
            assertFalse(ble.isStream());
            assertEquals("ble:" + ADDRESS, ble.describe());
            ble.write(Endpoint.TX, new byte[]{(byte) 0xAA, 0x01, 0x02});
            assertArrayEquals(new byte[]{0x02, 0x01, (byte) 0xAA}, frames.poll(5, TimeUnit.SECONDS));
            assertArrayEquals(new byte[]{(byte) 0xAA, 0x01, 0x02}, device.writes().get(0).data());

            device.notifyHost(new byte[]{0x10});
            device.notifyHost(new byte[]{0x20, 0x21});
            assertArrayEquals(new byte[]{0x10}, frames.poll(5, TimeUnit.SECONDS), "one notification is one frame");
            assertArrayEquals(new byte[]{0x20, 0x21}, frames.poll(5, TimeUnit.SECONDS));
        }
        assertFalse(device.connected(), "close disconnects");
    }

    @Test
    void withResponseProfileWritesRequests(FakeBluez bluez) throws Exception {
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"));
        try (BleTransport ble = BleTransport.to(ADDRESS, BleTestProfiles.withResponse("p"), BleTestProfiles.fast())) {
            ble.connect();
            ble.write(Endpoint.TX, new byte[]{1});
        }
        assertEquals("request", device.writes().get(0).type());
    }

    @Test
    void withoutResponseProfileWritesCommands(FakeBluez bluez) throws Exception {
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro")
                .withTxFlags(List.of("write-without-response")));
        DeviceProfile profile = BleTestProfiles.ffe0("nr", List.of(), List.of(), WriteMode.WITHOUT_RESPONSE);
        try (BleTransport ble = BleTransport.to(ADDRESS, profile, BleTestProfiles.fast())) {
            ble.connect();
            ble.write(Endpoint.TX, new byte[]{1});
        }
        assertEquals("command", device.writes().get(0).type());
    }

    @Test
    void aProfileWhoseWriteModeTheCharacteristicLacksIsRefusedClearly(FakeBluez bluez) {
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro").withTxFlags(List.of("write-without-response")));
        BleTransport ble = BleTransport.to(ADDRESS, BleTestProfiles.withResponse("wr"), BleTestProfiles.fast());
        TransportException e = assertThrows(TransportException.class, ble::connect);
        assertTrue(e.getMessage().contains("with-response") && e.getMessage().contains("ble.tx.write")
                && e.getMessage().contains("test:wr"), e.getMessage());
        assertFalse(device.connected(), "a failed setup does not leave the device connected");
        ble.close();
    }

    @Test
    void aMissingServiceNamesTheUuidAndTheProfile(FakeBluez bluez) {
        FakeDeviceSpec other = FakeDeviceSpec.ffe0(ADDRESS, "Pro");
        bluez.addDevice(new FakeDeviceSpec(other.address(), other.name(), List.of(), other.rssi(),
                FakeDeviceSpec.uuid16("abcd"), other.tx(), other.txFlags(), other.rx(), other.rxFlags()));
        try (BleTransport ble = BleTransport.to(ADDRESS, BleTestProfiles.withResponse("p"), BleTestProfiles.fast())) {
            TransportException e = assertThrows(TransportException.class, ble::connect);
            assertTrue(e.getMessage().contains("0000ffe0-0000-1000-8000-00805f9b34fb")
                    && e.getMessage().contains("'p'"), e.getMessage());
        }
    }

    @Test
    void readModeReadsTheAnswerBackAfterEachWrite(FakeBluez bluez) throws Exception {
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro")
                .withTxFlags(List.of("write")));
        device.deviceEnd((bytes, toHost) -> device.setRxValue(reversed(bytes)));
        DeviceProfile base = BleTestProfiles.withResponse("rd");
        DeviceProfile.BleSettings b = base.ble();
        DeviceProfile readMode = withBle(base, new DeviceProfile.BleSettings(b.service(), b.txUuid(), b.txWrite(),
                b.rxUuid(), DeviceProfile.ReadMode.READ, null));
        try (BleTransport ble = BleTransport.to(ADDRESS, readMode, BleTestProfiles.fast())) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.connect();
            ble.write(Endpoint.TX, new byte[]{1, 2});
            assertArrayEquals(new byte[]{2, 1}, frames.poll(5, TimeUnit.SECONDS));
            assertFalse(device.notifying(), "read mode does not enable notifications");
        }
    }

    @Test
    void batteryNotificationsArriveOnTheBatteryEndpoint(FakeBluez bluez) throws Exception {
        String batteryUuid = FakeDeviceSpec.uuid16("2a19");
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro").withBattery(batteryUuid));
        DeviceProfile base = BleTestProfiles.withResponse("bat");
        DeviceProfile.BleSettings b = base.ble();
        DeviceProfile withBattery = withBle(base, new DeviceProfile.BleSettings(b.service(), b.txUuid(), b.txWrite(),
                b.rxUuid(), b.rxMode(), batteryUuid));
        try (BleTransport ble = BleTransport.to(ADDRESS, withBattery, BleTestProfiles.fast())) {
            BlockingQueue<byte[]> battery = new LinkedBlockingQueue<>();
            BlockingQueue<byte[]> rx = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.BATTERY, battery::add);
            ble.subscribe(Endpoint.RX, rx::add);
            ble.connect();
            device.notifyBattery(new byte[]{75});
            assertArrayEquals(new byte[]{75}, battery.poll(5, TimeUnit.SECONDS));
            assertNull(rx.poll(100, TimeUnit.MILLISECONDS), "battery frames do not leak into RX");
        }
    }

    private static DeviceProfile withBle(DeviceProfile p, DeviceProfile.BleSettings ble) {
        return new DeviceProfile(p.id(), p.name(), p.models(), p.source(), p.match(), ble, p.serial(), p.output(),
                p.pacing(), p.commands(), p.status(), p.codec(), p.origin());
    }

    @Test
    void linkLossGoesDownThenReconnectsWithFreshCharacteristicsAndGoesUp(FakeBluez bluez) throws Exception {
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"));
        device.deviceEnd(DeviceEnd.echo());
        try (BleTransport ble = BleTransport.to(ADDRESS, BleTestProfiles.withResponse("p"), BleTestProfiles.fast())) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            BlockingQueue<LinkState> states = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.onLinkState(states::add);
            ble.connect();
            assertEquals(LinkState.UP, states.poll(5, TimeUnit.SECONDS));
            ble.write(Endpoint.TX, new byte[]{1});
            assertArrayEquals(new byte[]{1}, frames.poll(5, TimeUnit.SECONDS));

            device.dropLink(); // mid-stream: the device walks out of range

            assertEquals(LinkState.DOWN, states.poll(5, TimeUnit.SECONDS));
            TransportException down = assertThrows(TransportException.class, () -> ble.write(Endpoint.TX, new byte[]{2}));
            assertTrue(down.getMessage().contains("down"), down.getMessage());
            Thread.sleep(300); // not synchronisation: the device stays away this long, so several reconnect tries fail
            assertNull(states.poll(), "stays down while the device is away");

            device.restoreLink();

            assertEquals(LinkState.UP, states.poll(5, TimeUnit.SECONDS));
            assertEquals(2, device.connectCount());
            assertTrue(device.notifying(), "notifications were enabled again on the new characteristic");
            ble.write(Endpoint.TX, new byte[]{3});
            assertArrayEquals(new byte[]{3}, frames.poll(5, TimeUnit.SECONDS), "notifications work after reconnect");
            device.notifyHost(new byte[]{4});
            assertArrayEquals(new byte[]{4}, frames.poll(5, TimeUnit.SECONDS));
            assertNull(frames.poll(200, TimeUnit.MILLISECONDS), "no duplicate from the old handles");
        }
    }

    @Test
    void repeatedDropsAllRecover(FakeBluez bluez) throws Exception {
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"));
        device.deviceEnd(DeviceEnd.echo());
        try (BleTransport ble = BleTransport.to(ADDRESS, BleTestProfiles.withResponse("p"), BleTestProfiles.fast())) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.connect();
            for (int i = 0; i < 3; i++) {
                device.dropLink();
                waitUntil(() -> ble.linkState() == LinkState.DOWN);
                device.restoreLink();
                waitUntil(() -> ble.linkState() == LinkState.UP);
                ble.write(Endpoint.TX, new byte[]{(byte) i});
                assertArrayEquals(new byte[]{(byte) i}, frames.poll(5, TimeUnit.SECONDS));
            }
            assertEquals(4, device.connectCount());
        }
    }

    @Test
    void garbageNotificationsPassThroughAsFramesWithoutError(FakeBluez bluez) throws Exception {
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"));
        try (BleTransport ble = BleTransport.to(ADDRESS, BleTestProfiles.withResponse("p"), BleTestProfiles.fast())) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.connect();
            byte[] badChecksum = {(byte) 0xBB, 0x00, 0x10, 0x00};
            byte[] empty = {};
            byte[] long20 = new byte[20];
            device.notifyHost(badChecksum);
            device.notifyHost(empty);
            device.notifyHost(long20);
            assertArrayEquals(badChecksum, frames.poll(5, TimeUnit.SECONDS));
            assertArrayEquals(empty, frames.poll(5, TimeUnit.SECONDS));
            assertArrayEquals(long20, frames.poll(5, TimeUnit.SECONDS));
            assertEquals(LinkState.UP, ble.linkState());
        }
    }

    @Test
    void aDeviceThatIsNotThereTimesOutWithAClearMessage(FakeBluez bluez) {
        BleTimeouts quick = new BleTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofMillis(100));
        try (BleTransport ble = BleTransport.to("C0:FF:EE:99:99:99", BleTestProfiles.withResponse("p"), quick)) {
            TransportException e = assertThrows(TransportException.class, ble::connect);
            assertTrue(e.getMessage().contains("No Bluetooth device C0:FF:EE:99:99:99 was found"), e.getMessage());
        }
    }

    @Test
    void aScanRightAfterAnotherReallyStartsThoughTinybStillSeesTheFirstOneRunning(FakeBluez bluez) throws Exception {
        // tinyb's startDiscovery() sends nothing while its cached Discovering reads true, and the
        // cache lags: here the fake signals each change 500 ms after its reply, so for 500 ms after
        // the first scan is stopped tinyb still believes it runs.
        bluez.announceDiscoveringLate(Duration.ofMillis(500));
        BleTimeouts oneSecondFind = new BleTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofMillis(100));
        try (BleTransport absent = BleTransport.to("C0:FF:EE:99:99:99", BleTestProfiles.withResponse("p"), oneSecondFind)) {
            assertThrows(TransportException.class, absent::connect);
        }
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro")); // appears once a scan starts
        try (BleTransport ble = BleTransport.to(ADDRESS, BleTestProfiles.withResponse("p"), BleTestProfiles.fast())) {
            ble.connect(); // the scan for it must really start, even though tinyb thinks one is running
            assertEquals(LinkState.UP, ble.linkState());
        }
        assertEquals(1, device.connectCount());
    }

    @Test
    void writingAfterCloseFails(FakeBluez bluez) throws Exception {
        bluez.addDevice(FakeDeviceSpec.ffe0(ADDRESS, "Pro"));
        BleTransport ble = BleTransport.to(ADDRESS, BleTestProfiles.withResponse("p"), BleTestProfiles.fast());
        ble.connect();
        ble.close();
        ble.close(); // twice is fine
        assertThrows(TransportException.class, () -> ble.write(Endpoint.TX, new byte[]{1}));
    }

    static void waitUntil(BooleanSupplier condition) {
        Await.until(condition::getAsBoolean, Duration.ofSeconds(5), "the link state");
    }

    private static byte[] reversed(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) out[i] = in[in.length - 1 - i];
        return out;
    }
}
