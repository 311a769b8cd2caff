package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.transport.TransportException;
import tinyb.BluetoothAdapter;
import tinyb.BluetoothDevice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds nearby BLE devices through BlueZ and matches them to device profiles. */
public final class BleScanner {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MS = 100;

    private BleScanner() {}

    /**
     * Scans for {@code timeout} and lists every device BlueZ knows, matched devices first, then by
     * signal strength.
     */
    public static List<BleDeviceFound> scan(Duration timeout, List<DeviceProfile> profiles) throws TransportException {
        Map<String, BleDeviceFound> seen = discover(timeout, profiles, false);
        List<BleDeviceFound> list = new ArrayList<>(seen.values());
        list.sort(Comparator.comparing((BleDeviceFound d) -> d.profile().isEmpty())
                .thenComparing(Comparator.comparingInt(BleDeviceFound::rssi).reversed()));
        return list;
    }

    /** Scans until a device matches one of the profiles, for at most {@code timeout}. */
    public static Optional<BleDeviceFound> firstMatching(Duration timeout, List<DeviceProfile> profiles)
            throws TransportException {
        return discover(timeout, profiles, true).values().stream().filter(d -> d.profile().isPresent()).findFirst();
    }

    /**
     * Scans until the device at {@code address} is seen, for at most {@code timeout}, and returns it
     * with the profile it matches (for {@code --device ble:ADDRESS} without a configured profile).
     */
    public static Optional<BleDeviceFound> find(String address, Duration timeout, List<DeviceProfile> profiles)
            throws TransportException {
        String wanted = BleAddress.normalise(address);
        return Optional.ofNullable(discover(timeout, profiles, d -> d.address().equals(wanted)).get(wanted));
    }

    private static Map<String, BleDeviceFound> discover(Duration timeout, List<DeviceProfile> profiles,
                                                        boolean stopAtFirstMatch) throws TransportException {
        return discover(timeout, profiles, stopAtFirstMatch ? d -> d.profile().isPresent() : d -> false);
    }

    private static Map<String, BleDeviceFound> discover(Duration timeout, List<DeviceProfile> profiles,
                                                        java.util.function.Predicate<BleDeviceFound> enough)
            throws TransportException {
        BluetoothAdapter adapter = BluezAccess.poweredAdapter(CALL_TIMEOUT);
        Map<String, BleDeviceFound> seen = new LinkedHashMap<>();
        try (Discovery scan = Discovery.start(adapter, "a Bluetooth scan", CALL_TIMEOUT)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            do {
                for (BleDeviceFound d : snapshot(adapter, profiles)) {
                    seen.put(d.address(), d);
                    if (enough.test(d)) return seen;
                }
                if (System.nanoTime() >= deadline) break;
                scan.keepOn();
                sleep(Math.min(POLL_MS, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } while (true);
            return seen;
        } finally {
            adapter.close();
        }
    }

    private static List<BleDeviceFound> snapshot(BluetoothAdapter adapter, List<DeviceProfile> profiles)
            throws TransportException {
        List<BluetoothDevice> devices = TimedCall.call("listing Bluetooth devices", CALL_TIMEOUT, adapter::getDevices);
        List<BleDeviceFound> found = new ArrayList<>(devices.size());
        for (BluetoothDevice device : devices) {
            try {
                // Alias, not Name: BlueZ always has an alias, while a nameless device has no Name
                // and tinyb's getName() would then crash the JVM.
                String name = device.getAlias();
                String[] uuids = device.getUUIDs();
                List<String> services = uuids == null ? List.of() : Arrays.asList(uuids);
                found.add(new BleDeviceFound(device.getAddress().toUpperCase(java.util.Locale.ROOT), name,
                        device.getRSSI(), ProfileMatcher.match(name, services, profiles)));
            } finally {
                device.close();
            }
        }
        return found;
    }

    private static void sleep(long ms) throws TransportException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Bluetooth scan interrupted");
        }
    }
}
