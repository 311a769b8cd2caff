package dev.thrum.transport.ble.fakebluez;

import dev.thrum.profile.DeviceProfile;

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

    /** A device shaped by a profile's "ble" and "match" sections, the way the real gun would look. */
    public static FakeDeviceSpec forProfile(String address, DeviceProfile profile) {
        DeviceProfile.BleSettings ble = profile.ble();
        List<String> names = profile.match() == null || profile.match().bleNames() == null
                ? List.of() : profile.match().bleNames();
        String name = names.isEmpty() ? "Sim" : names.get(0).replace("*", "Sim");
        List<String> txFlags = List.of(ble.txWrite() == DeviceProfile.WriteMode.WITHOUT_RESPONSE
                ? "write-without-response" : "write");
        List<String> rxFlags = switch (ble.rxMode() == null ? DeviceProfile.ReadMode.NOTIFY : ble.rxMode()) {
            case INDICATE -> List.of("indicate");
            case READ -> List.of("read");
            case NOTIFY -> List.of("notify");
        };
        return new FakeDeviceSpec(address, name, List.of(), (short) -50, ble.service(), ble.txUuid(), txFlags,
                ble.rxUuid(), rxFlags, ble.batteryUuid());
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
