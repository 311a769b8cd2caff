package dev.thrum.transport.ble;

import dev.thrum.transport.TransportException;
import tinyb.BluetoothDevice;
import tinyb.BluetoothGattCharacteristic;
import tinyb.BluetoothGattService;
import tinyb.BluetoothManager;
import tinyb.BluetoothObject;
import tinyb.BluetoothType;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for a BlueZ object to appear by polling tinyb's object cache ({@code getObject}).
 *
 * <p>tinyb's own {@code find(..., timeout)} is not used: it registers a waiter in a list that the
 * GLib thread edits without a lock, and a BlueZ object appearing during a find corrupts that list
 * and crashes the JVM (seen in this project's tests). {@code getObject} reads the GDBus object
 * manager's cache, which is thread-safe and answers at once, so polling it is safe and bounded.
 */
final class ObjectLookup {

    private static final long POLL_MS = 10;

    private ObjectLookup() {}

    static BluetoothDevice device(BluetoothManager manager, String address, BluetoothObject adapter,
                                  Duration timeout) throws TransportException {
        return device(manager, address, adapter, timeout, () -> {});
    }

    /** As above, running {@code betweenPolls} after each miss (to keep a scan going while we wait). */
    static BluetoothDevice device(BluetoothManager manager, String address, BluetoothObject adapter,
                                  Duration timeout, Runnable betweenPolls) throws TransportException {
        return await(timeout, () -> (BluetoothDevice) manager.getObject(BluetoothType.DEVICE, null, address, adapter),
                betweenPolls);
    }

    static BluetoothGattService service(BluetoothManager manager, String uuid, BluetoothDevice device,
                                        Duration timeout) throws TransportException {
        return await(timeout, () -> (BluetoothGattService) manager.getObject(BluetoothType.GATT_SERVICE, null, uuid, device),
                () -> {});
    }

    static BluetoothGattCharacteristic characteristic(BluetoothManager manager, String uuid, BluetoothGattService service,
                                                      Duration timeout) throws TransportException {
        return await(timeout, () -> (BluetoothGattCharacteristic)
                manager.getObject(BluetoothType.GATT_CHARACTERISTIC, null, uuid, service), () -> {});
    }

    /** The object, or null when it did not appear within the timeout. */
    private static <T> T await(Duration timeout, Supplier<T> probe, Runnable betweenPolls) throws TransportException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T found = probe.get();
            if (found != null || System.nanoTime() >= deadline) return found;
            betweenPolls.run();
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("Interrupted while waiting for Bluetooth");
            }
        }
    }
}
