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

    static BluetoothManager manager(Duration timeout) throws TransportException {
        TinybNatives.load();
        try {
            return TimedCall.call("opening BlueZ", timeout, BluetoothManager::getBluetoothManager);
        } catch (TransportException e) {
            if (e.getMessage().startsWith("No Bluetooth adapter") && bluetoothdAbsent()) {
                throw BleErrors.bluezNotRunning();
            }
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

    /**
     * tinyb cannot tell "no adapter" from "BlueZ not running" (both look like an empty object
     * list). On the real system bus we can look for the bluetoothd process; on a private bus
     * (tests, containers) we cannot, and say "no adapter".
     */
    private static boolean bluetoothdAbsent() {
        if (System.getenv("DBUS_SYSTEM_BUS_ADDRESS") != null) return false;
        return ProcessHandle.allProcesses()
                .map(p -> p.info().command().orElse(""))
                .noneMatch(cmd -> cmd.endsWith("/bluetoothd") || cmd.equals("bluetoothd"));
    }
}
