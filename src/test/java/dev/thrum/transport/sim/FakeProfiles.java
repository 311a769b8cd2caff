package dev.thrum.transport.sim;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.OutputRange;

import java.util.List;
import java.util.Map;

/** Profiles for the {@link FakeCodec}: the fields the simulator and the session read, nothing more. */
public final class FakeProfiles {
    private FakeProfiles() {}

    public static DeviceProfile continuous(DeviceProfile.Pacing pacing) {
        return profile("fake-continuous", new OutputRange.Continuous("rpm", 0, 50, 200), pacing);
    }

    public static DeviceProfile discrete(DeviceProfile.Pacing pacing) {
        return profile("fake-levels", new OutputRange.Discrete("level", 0, List.of(1, 2, 3, 4, 5)), pacing);
    }

    /** The same profile reached over BLE, with a battery characteristic. */
    public static DeviceProfile withBatteryCharacteristic(DeviceProfile p) {
        var ble = new DeviceProfile.BleSettings("0000ffe0-0000-1000-8000-00805f9b34fb",
                "0000ffe2-0000-1000-8000-00805f9b34fb", DeviceProfile.WriteMode.WITH_RESPONSE,
                "0000ffe1-0000-1000-8000-00805f9b34fb", DeviceProfile.ReadMode.NOTIFY,
                "00002a19-0000-1000-8000-00805f9b34fb");
        return new DeviceProfile(p.id(), p.name(), p.models(), p.source(), p.match(), ble, null, p.output(),
                p.pacing(), p.commands(), p.status(), p.codec(), p.origin());
    }

    public static DeviceProfile profile(String id, OutputRange output, DeviceProfile.Pacing pacing) {
        var status = List.of(new DeviceProfile.StatusFrameSpec("5C .. .. .. .. {xor}", Map.of(
                "running", new DeviceProfile.FieldSpec(1, "u8", 1),
                "speed", new DeviceProfile.FieldSpec(2, "u8", 1),
                "battery", new DeviceProfile.FieldSpec(3, "u8", 1),
                "force", new DeviceProfile.FieldSpec(4, "u8", 1))));
        return new DeviceProfile(id, "Fake " + id, List.of("Test"),
                new DeviceProfile.Source(DeviceProfile.Confidence.INFERRED, "test"),
                new DeviceProfile.Match(List.of(), List.of(), List.of()), null,
                new DeviceProfile.SerialSettings(115200, 8, DeviceProfile.Parity.NONE, 1),
                output, pacing, Map.of(), status, null, "test");
    }
}
