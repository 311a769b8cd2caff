package dev.thrum.transport.ble.fakebluez;

import java.util.List;

/**
 * What a fake BLE device looks like: what it advertises and its one GATT service with a TX
 * characteristic (host writes), an RX characteristic (device notifies; null for none) and an
 * optional battery characteristic (null for none). UUIDs in full form.
 */
public record FakeDeviceSpec(String address, String name, List<String> advertisedServices, short rssi,
                             String service, String tx, List<String> txFlags, String rx, List<String> rxFlags,
                             String battery) {

    public FakeDeviceSpec(String address, String name, List<String> advertisedServices, short rssi,
                          String service, String tx, List<String> txFlags, String rx, List<String> rxFlags) {
        this(address, name, advertisedServices, rssi, service, tx, txFlags, rx, rxFlags, null);
    }

    public static final String BASE = "-0000-1000-8000-00805f9b34fb";

    /** A device shaped like the Gen 4 profile: service ffe0, tx ffe2 (write), rx ffe1 (notify). */
    public static FakeDeviceSpec ffe0(String address, String name) {
        return new FakeDeviceSpec(address, name, List.of(), (short) -52, uuid16("ffe0"), uuid16("ffe2"),
                List.of("read", "write"), uuid16("ffe1"), List.of("notify"));
    }

    public FakeDeviceSpec withBattery(String uuid) {
        return new FakeDeviceSpec(address, name, advertisedServices, rssi, service, tx, txFlags, rx, rxFlags, uuid);
    }

    public static String uuid16(String hex) {
        return "0000" + hex + BASE;
    }

    public FakeDeviceSpec withTxFlags(List<String> flags) {
        return new FakeDeviceSpec(address, name, advertisedServices, rssi, service, tx, flags, rx, rxFlags, battery);
    }

    public FakeDeviceSpec advertising(List<String> services) {
        return new FakeDeviceSpec(address, name, services, rssi, service, tx, txFlags, rx, rxFlags, battery);
    }

    public FakeDeviceSpec withRssi(int value) {
        return new FakeDeviceSpec(address, name, advertisedServices, (short) value, service, tx, txFlags, rx, rxFlags, battery);
    }
}
