package dev.thrum.transport.ble.fakebluez;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

import java.util.Map;

/** The parts of BlueZ's D-Bus API that tinyb calls (see BlueZ's doc/*-api.txt). */
public final class BluezInterfaces {

    private BluezInterfaces() {}

    static final String ADAPTER = "org.bluez.Adapter1";
    static final String DEVICE = "org.bluez.Device1";
    static final String SERVICE = "org.bluez.GattService1";
    static final String CHARACTERISTIC = "org.bluez.GattCharacteristic1";

    @DBusInterfaceName(ADAPTER)
    public interface Adapter1 extends DBusInterface {
        void StartDiscovery();

        void StopDiscovery();

        void SetDiscoveryFilter(Map<String, Variant<?>> filter);
    }

    @DBusInterfaceName(DEVICE)
    public interface Device1 extends DBusInterface {
        void Connect();

        void Disconnect();
    }

    @DBusInterfaceName(SERVICE)
    public interface GattService1 extends DBusInterface {
    }

    @DBusInterfaceName(CHARACTERISTIC)
    public interface GattCharacteristic1 extends DBusInterface {
        byte[] ReadValue(Map<String, Variant<?>> options);

        void WriteValue(byte[] value, Map<String, Variant<?>> options);

        void StartNotify();

        void StopNotify();
    }
}
