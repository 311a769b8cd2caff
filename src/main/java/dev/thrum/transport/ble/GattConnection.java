package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.DeviceProfile.BleSettings;
import dev.thrum.profile.DeviceProfile.ReadMode;
import dev.thrum.transport.Endpoint;
import dev.thrum.transport.TransportException;
import tinyb.BluetoothAdapter;
import tinyb.BluetoothDevice;
import tinyb.BluetoothGattCharacteristic;
import tinyb.BluetoothGattService;
import tinyb.BluetoothManager;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;

/**
 * The GATT side of one BLE massager, in tinyb's terms: finding the device in BlueZ (scanning for it if
 * needed), connecting, waiting for its services, looking the characteristics up, checking the write
 * mode, enabling notifications, writing a frame (and reading the answer back on devices that do not
 * notify), disconnecting. Each successful open gives a fresh {@link GattLink} with a new generation.
 *
 * <p>tinyb calls back on its GLib thread, which must never block: {@link Callbacks} are handed the
 * data as is, and the transport passes it on to its own thread. Every blocking tinyb call goes
 * through {@link TimedCall}. Opening is not thread-safe; the transport opens from one thread at a time.
 */
final class GattConnection {

    /** What tinyb reports, on its GLib thread: implementations only hand it over. */
    interface Callbacks {
        void connectedChanged(boolean connected);

        /** A notification (or a read-back answer) from a link of generation {@code generation}. */
        void value(long generation, Endpoint endpoint, byte[] value);
    }

    private static final System.Logger LOG = System.getLogger(GattConnection.class.getName());
    private static final long POLL_MS = 5;

    private final String address;
    private final DeviceProfile profile;
    private final BleSettings ble;
    private final BleTimeouts timeouts;
    private final Callbacks callbacks;
    private final AtomicLong generation = new AtomicLong();
    private volatile BluetoothDevice device;

    GattConnection(String address, DeviceProfile profile, BleTimeouts timeouts, Callbacks callbacks) {
        this.address = address;
        this.profile = profile;
        this.ble = profile.ble();
        this.timeouts = timeouts;
        this.callbacks = callbacks;
    }

    /** The generation of the newest link opened; callbacks from older ones are stale. */
    long generation() { return generation.get(); }

    /** Finds the device and opens a link to it, looking it up again once if BlueZ dropped it meanwhile. */
    GattLink open() throws TransportException {
        try {
            return openLink(adopt(findDevice()));
        } catch (TransportException e) {
            if (!isGone(e)) throw e;
            // BlueZ dropped its record of the device (it forgets devices it has not seen for a
            // while) between our lookup and the connect: look it up again, scanning if needed.
            LOG.log(DEBUG, "{0} vanished from BlueZ during connect; looking it up again", address);
            pause(200);
            return openLink(adopt(findDevice()));
        }
    }

    /** Opens a link again to the device we had, finding it anew if BlueZ forgot it while it was away. */
    GattLink reopen() throws TransportException {
        try {
            return openLink(device);
        } catch (TransportException e) {
            if (!isGone(e)) throw e;
            return openLink(adopt(findDevice()));
        }
    }

    /** True while BlueZ says the device is connected (false before any device was found). */
    boolean connected() {
        BluetoothDevice dev = device;
        return dev != null && dev.getConnected();
    }

    /** A half-set-up connection would keep the device busy (a phone could not connect): drop it. */
    void disconnectAfterFailedSetup() {
        if (connected()) quietly("disconnecting after a failed setup", device::disconnect);
    }

    /**
     * Disconnects, never throwing. No disable*Notifications() here: tinyb frees the callback while its
     * GLib thread may still be running it (a SIGSEGV in on_properties_changed_characteristic, seen when
     * a device kept notifying during close); the transport drops late callbacks instead.
     */
    void disconnect() {
        BluetoothDevice dev = device;
        if (dev != null) quietly("disconnecting", dev::disconnect);
    }

    /**
     * Writes one frame to the endpoint's characteristic of {@code link}.
     *
     * @return the answer read back on a device that does not notify, else null
     */
    byte[] write(GattLink link, Endpoint endpoint, byte[] frame) throws TransportException {
        BluetoothGattCharacteristic target = link.characteristic(endpoint);
        if (target == null) {
            throw new TransportException("Profile '" + profile.id() + "' has no characteristic for " + endpoint);
        }
        byte[] copy = frame.clone();
        boolean ok = TimedCall.call("writing to " + address, timeouts.call(), () -> target.writeValue(copy));
        if (!ok) throw new TransportException("BlueZ refused the write to " + address + " (" + endpoint + ")");
        if (endpoint == Endpoint.TX && ble.rxMode() == ReadMode.READ && link.rx() != null) {
            // No notifications on this device: the answer to a write is read back.
            return TimedCall.call("reading from " + address, timeouts.call(), link.rx()::readValue);
        }
        return null;
    }

    // ---- finding and opening ------------------------------------------------------------------

    private BluetoothDevice findDevice() throws TransportException {
        BluetoothAdapter adapter = BluezAccess.poweredAdapter(timeouts.call());
        try {
            BluetoothManager manager = BluezAccess.manager(timeouts.call());
            BluetoothDevice known = ObjectLookup.device(manager, address, adapter, Duration.ZERO);
            if (known != null) return known;
            // BlueZ has not seen it yet: scan until it shows up (Discovery keeps the scan really on).
            try (Discovery scan = Discovery.start(adapter, "a scan for " + address, timeouts.call())) {
                BluetoothDevice found = ObjectLookup.device(manager, address, adapter, timeouts.find(), scan::keepOn);
                if (found == null) {
                    throw new TransportException("No Bluetooth device " + address + " was found within "
                            + TimedCall.seconds(timeouts.find()) + ". Is it switched on, charged and near, and not "
                            + "connected to a phone? `thrum devices --ble` lists what is seen.");
                }
                return found;
            }
        } finally {
            adapter.close();
        }
    }

    private BluetoothDevice adopt(BluetoothDevice dev) {
        BluetoothDevice previous = device;
        device = dev;
        if (previous != null && previous != dev) previous.disableConnectedNotifications();
        dev.enableConnectedNotifications(connected -> callbacks.connectedChanged(Boolean.TRUE.equals(connected)));
        return dev;
    }

    /** True when BlueZ no longer has the device object we hold. */
    private static boolean isGone(TransportException e) {
        String msg = String.valueOf(e.getMessage());
        return msg.contains("UnknownObject") || msg.contains("UnknownMethod") || msg.contains("DoesNotExist");
    }

    private static void pause(long ms) throws TransportException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted");
        }
    }

    /** Connects (if needed), waits for services, looks the characteristics up and enables notifications. */
    private GattLink openLink(BluetoothDevice dev) throws TransportException {
        if (!dev.getConnected()) {
            boolean ok = TimedCall.call("connecting to " + address, timeouts.connect(), dev::connect);
            if (!ok) throw new TransportException("BlueZ could not connect to " + address + ". Is it in range?");
        }
        waitFor(dev::getServicesResolved, timeouts.services(), "waiting for the services of " + address);
        BluetoothManager manager = BluezAccess.manager(timeouts.call());
        BluetoothGattService service = ObjectLookup.service(manager, ble.service(), dev, timeouts.call());
        if (service == null) throw missing("service", ble.service());
        BluetoothGattCharacteristic tx = characteristic(manager, service, ble.txUuid(), "tx");
        BluetoothGattCharacteristic rx = ble.rxUuid() == null ? null : characteristic(manager, service, ble.rxUuid(), "rx");
        BluetoothGattCharacteristic battery = optionalBattery(dev);
        List<String> flags = Arrays.asList(tx.getFlags());
        var problem = WriteModeCheck.problem(ble.txWrite(), flags);
        if (problem.isPresent()) {
            throw new TransportException("Characteristic " + ble.txUuid() + " on " + address + " does not fit profile '"
                    + profile.id() + "': " + problem.get() + ". Fix \"ble.tx.write\" in " + profile.origin() + ".");
        }
        if (WriteModeCheck.effective(flags) != ble.txWrite()) {
            LOG.log(INFO, "{0}: characteristic offers both write kinds; BlueZ will write with response", address);
        }
        long gen = generation.incrementAndGet();
        if (rx != null && ble.rxMode() != ReadMode.READ) {
            TimedCall.run("enabling notifications on " + address, timeouts.call(),
                    () -> rx.enableValueNotifications(value -> callbacks.value(gen, Endpoint.RX, value)));
        }
        if (battery != null && Arrays.asList(battery.getFlags()).contains("notify")) {
            quietly("enabling battery notifications",
                    () -> battery.enableValueNotifications(value -> callbacks.value(gen, Endpoint.BATTERY, value)));
        }
        return new GattLink(gen, tx, rx, battery);
    }

    private BluetoothGattCharacteristic characteristic(BluetoothManager manager, BluetoothGattService service,
                                                       String uuid, String role) throws TransportException {
        BluetoothGattCharacteristic c = ObjectLookup.characteristic(manager, uuid, service, timeouts.call());
        if (c == null) throw missing(role + " characteristic", uuid);
        return c;
    }

    /** The battery level lives in its own service (0x180f) on most devices; it is optional. */
    private BluetoothGattCharacteristic optionalBattery(BluetoothDevice dev) {
        if (ble.batteryUuid() == null) return null;
        try {
            return TimedCall.call("looking up the battery characteristic", timeouts.call(), () -> {
                for (BluetoothGattService s : dev.getServices()) {
                    for (BluetoothGattCharacteristic c : s.getCharacteristics()) {
                        if (ble.batteryUuid().equalsIgnoreCase(c.getUUID())) return c;
                    }
                }
                return null;
            });
        } catch (TransportException e) {
            LOG.log(DEBUG, "{0}: no battery characteristic: {1}", address, e.getMessage());
            return null;
        }
    }

    private TransportException missing(String what, String uuid) {
        return new TransportException("Device " + address + " has no GATT " + what + " " + uuid + ", which profile '"
                + profile.id() + "' expects. Is this the right profile for the device? (" + profile.origin() + ")");
    }

    private void waitFor(BooleanSupplier condition, Duration timeout, String what) throws TransportException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                throw new TransportException("Timed out after " + TimedCall.seconds(timeout) + " " + what
                        + ". Move the device closer and try again.");
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("Interrupted while " + what);
            }
        }
    }

    private void quietly(String what, TimedCall.Action action) {
        try {
            TimedCall.run(what + " (" + address + ")", timeouts.call(), action);
        } catch (TransportException e) {
            LOG.log(DEBUG, "{0}", e.getMessage());
        }
    }
}
