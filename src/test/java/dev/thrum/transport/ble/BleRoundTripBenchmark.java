package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.DeviceProfile.WriteMode;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.ble.fakebluez.DeviceEnd;
import dev.thrum.transport.ble.fakebluez.FakeBluez;
import dev.thrum.transport.ble.fakebluez.FakeDevice;
import dev.thrum.transport.ble.fakebluez.FakeDeviceSpec;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Peer;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Write-to-notification round trip through the whole BLE path (BleTransport -> tinyb -> GLib ->
 * D-Bus -> fake BlueZ -> echo device -> PropertiesChanged -> tinyb -> BleTransport listener), and
 * beside it a raw D-Bus method call (Peer.Ping on the fake BlueZ) on the same private bus as the
 * floor. Prints p50/p99 over 10,000 round trips; not part of the test run. See docs/benchmarks.md
 * for the command (DBUS_SYSTEM_BUS_ADDRESS must be set before the JVM starts).
 */
public final class BleRoundTripBenchmark {

    private static final int WARMUP = 2_000;
    private static final int ROUNDS = 10_000;

    public static void main(String[] args) throws Exception {
        FakeBluez bluez = FakeBluez.instance();
        TinybSettle.awaitPoweredAdapter();
        System.out.printf("BLE round trip, %d round trips after %d warm-up, %s%n", ROUNDS, WARMUP,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        // A first, unreported pass: the JIT warms up the whole path (tinyb glue, dbus-java, the fake)
        // so that the order of the measured runs does not decide their figures.
        bleRoundTrip(bluez, "AA:BE:00:00:00:00", WriteMode.WITH_RESPONSE, List.of("write"), false);
        bleRoundTrip(bluez, "AA:BE:00:00:00:01", WriteMode.WITH_RESPONSE, List.of("write"), true);
        bleRoundTrip(bluez, "AA:BE:00:00:00:02", WriteMode.WITHOUT_RESPONSE, List.of("write-without-response"), true);
        dbusFloor(bluez);
        System.exit(0); // end at once; the bus wrapper then stops dbus-daemon
    }

    private static void bleRoundTrip(FakeBluez bluez, String address, WriteMode mode, List<String> txFlags,
                                     boolean report) throws Exception {
        FakeDevice device = bluez.addDevice(FakeDeviceSpec.ffe0(address, "Bench").withTxFlags(txFlags));
        device.deviceEnd(DeviceEnd.echo());
        DeviceProfile profile = BleTestProfiles.ffe0("bench", List.of(), List.of(), mode);
        try (BleTransport ble = BleTransport.to(address, profile)) {
            BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
            ble.subscribe(Endpoint.RX, frames::add);
            ble.connect();
            long[] nanos = new long[ROUNDS];
            int lost = 0;
            for (int i = -WARMUP; i < ROUNDS; i++) {
                byte[] frame = {(byte) 0xAA, (byte) (i >> 8), (byte) i, 0x03};
                long t0 = System.nanoTime();
                ble.write(Endpoint.TX, frame);
                byte[] back = frames.poll(2, TimeUnit.SECONDS);
                long dt = System.nanoTime() - t0;
                if (back == null || !Arrays.equals(back, frame)) lost++;
                if (i >= 0) nanos[i] = dt;
            }
            if (report) print("tinyb + fake BlueZ, write " + (mode == WriteMode.WITH_RESPONSE ? "with" : "without")
                    + " response -> notification", nanos, lost);
        }
    }

    private static void dbusFloor(FakeBluez bluez) throws Exception {
        try (DBusConnection client = DBusConnectionBuilder.forAddress(bluez.busAddress()).withShared(false).build()) {
            Peer peer = client.getRemoteObject("org.bluez", "/", Peer.class);
            long[] nanos = new long[ROUNDS];
            for (int i = -2 * WARMUP; i < ROUNDS; i++) {
                long t0 = System.nanoTime();
                peer.Ping();
                long dt = System.nanoTime() - t0;
                if (i >= 0) nanos[i] = dt;
            }
            print("raw D-Bus method call (dbus-java Peer.Ping to the fake), floor", nanos, 0);
        }
    }

    private static void print(String what, long[] nanos, int lost) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-78s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  lost %d%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6, lost);
    }
}
