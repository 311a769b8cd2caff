package dev.thrum.transport.ble;

import dev.thrum.transport.TransportException;
import tinyb.BluetoothAdapter;
import tinyb.BluetoothManager;

import java.time.Duration;
import java.util.List;

/**
 * The way in to BlueZ through tinyb: loads the natives, gets tinyb's process-wide manager and the
 * first adapter, checking it is there and switched on.
 */
final class BluezAccess {

    private BluezAccess() {}

    /**
     * tinyb's manager cannot be created again after a failed attempt: the failed one leaves GLib
     * signal handlers pointing at freed memory, and the next BlueZ object that appears crashes the
     * JVM. So we check what we can before the first attempt, and never retry after a failure.
     */
    private static TransportException managerFailure;

    static synchronized BluetoothManager manager(Duration timeout) throws TransportException {
        if (managerFailure != null) {
            throw new TransportException(managerFailure.getMessage()
                    + " Then restart Thrum: the Bluetooth library cannot retry within one run.", managerFailure);
        }
        if (onRealSystemBus()) {
            if (bluetoothdAbsent()) throw BleErrors.bluezNotRunning();
            if (noKernelAdapter()) throw BleErrors.noAdapter();
        }
        TinybNatives.load();
        try {
            return TimedCall.call("opening BlueZ", timeout, BluetoothManager::getBluetoothManager);
        } catch (TransportException e) {
            managerFailure = e;
            throw e;
        }
    }

    /** The first adapter BlueZ knows, switched on. */
    static BluetoothAdapter poweredAdapter(Duration timeout) throws TransportException {
        BluetoothManager manager = manager(timeout);
        List<BluetoothAdapter> adapters = TimedCall.call("listing Bluetooth adapters", timeout, manager::getAdapters);
        if (adapters == null || adapters.isEmpty()) {
            throw bluetoothdAbsent() ? BleErrors.bluezNotRunning() : BleErrors.noAdapter();
        }
        BluetoothAdapter adapter = adapters.get(0);
        for (int i = 1; i < adapters.size(); i++) adapters.get(i).close();
        if (!adapter.getPowered()) {
            String name = adapter.getAddress();
            adapter.close();
            throw BleErrors.poweredOff(name);
        }
        return adapter;
    }

    /** False in tests and containers, where DBUS_SYSTEM_BUS_ADDRESS points at a private bus. */
    private static boolean onRealSystemBus() {
        return System.getenv("DBUS_SYSTEM_BUS_ADDRESS") == null;
    }

    /**
     * tinyb cannot tell "no adapter" from "BlueZ not running" (both look like an empty object
     * list). On the real system bus we can look for the bluetoothd process; on a private bus
     * (tests, containers) we cannot, and say "no adapter".
     */
    private static boolean bluetoothdAbsent() {
        if (!onRealSystemBus()) return false;
        return ProcessHandle.allProcesses()
                .map(p -> p.info().command().orElse(""))
                .noneMatch(cmd -> cmd.endsWith("/bluetoothd") || cmd.equals("bluetoothd"));
    }

    /** The kernel lists its Bluetooth controllers (hci0, ...) under /sys/class/bluetooth. */
    private static boolean noKernelAdapter() {
        java.io.File[] entries = new java.io.File("/sys/class/bluetooth").listFiles((dir, name) -> name.startsWith("hci"));
        return entries == null || entries.length == 0;
    }
}
