package dev.thrum.daemon;

import dev.thrum.app.DeviceSpec;

/** A {@link DeviceSpec} written back the way a user types it. */
final class DeviceText {
    private DeviceText() {}

    static String of(DeviceSpec spec) {
        if (spec instanceof DeviceSpec.Sim s) return s.profileId() == null ? "sim" : "sim:" + s.profileId();
        if (spec instanceof DeviceSpec.Ble b) return b.address() == null ? "ble" : "ble:" + b.address();
        DeviceSpec.Serial s = (DeviceSpec.Serial) spec;
        return "serial:" + s.path() + (s.profileId() == null ? "" : "@" + s.profileId());
    }
}
