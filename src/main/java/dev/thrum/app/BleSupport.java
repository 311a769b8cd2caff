package dev.thrum.app;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;

/** Bluetooth LE devices for the runner; replaced by the tinyb adapter when it lands. */
final class BleSupport {
    private BleSupport() {}

    static DeviceProfile profileFor(DeviceSpec.Ble spec, ProfileLibrary profiles) throws TransportException {
        throw unavailable();
    }

    static Transport transport(DeviceSpec.Ble spec, DeviceProfile profile, ProfileLibrary profiles)
            throws TransportException {
        throw unavailable();
    }

    private static TransportException unavailable() {
        return new TransportException("Bluetooth LE is not available in this build; use --device sim or serial:PATH");
    }
}
