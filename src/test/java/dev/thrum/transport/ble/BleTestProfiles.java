package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.DeviceProfile.BleSettings;
import dev.thrum.profile.DeviceProfile.Match;
import dev.thrum.profile.DeviceProfile.ReadMode;
import dev.thrum.profile.DeviceProfile.WriteMode;
import dev.thrum.profile.OutputRange;

import java.util.List;
import java.util.Map;
import dev.thrum.protocol.ShippedProfiles;

import static dev.thrum.transport.ble.fakebluez.FakeDeviceSpec.uuid16;

/** Small BLE profiles for the adapter tests (the codec's real profiles are used where they matter). */
final class BleTestProfiles {

    private BleTestProfiles() {}

    static DeviceProfile ffe0(String id, List<String> names, List<String> services, WriteMode write) {
        return new DeviceProfile(id, id, List.of(), null, new Match(names, services, List.of()),
                new BleSettings(uuid16("ffe0"), uuid16("ffe2"), write, uuid16("ffe1"), ReadMode.NOTIFY, null),
                null, new OutputRange.Continuous("rpm", 0, 1750, 2400), new DeviceProfile.Pacing(0, 0, 0, 0),
                Map.of(), List.of(), null, "test:" + id);
    }

    static DeviceProfile withResponse(String id, String... names) {
        return ffe0(id, List.of(names), List.of(), WriteMode.WITH_RESPONSE);
    }

    /** Every shipped profile that speaks BLE; the parameter source of the byte-for-byte tests. */
    static java.util.stream.Stream<DeviceProfile> shippedBle() {
        List<DeviceProfile> ble = ShippedProfiles.all().stream().filter(p -> p.ble() != null).toList();
        org.junit.jupiter.api.Assertions.assertFalse(ble.isEmpty(), "there are shipped BLE profiles");
        return ble.stream();
    }

    static BleTimeouts fast() {
        return new BleTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(3),
                java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(200));
    }
}
