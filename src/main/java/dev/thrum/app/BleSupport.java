package dev.thrum.app;

import dev.thrum.profile.DeviceProfile;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.transport.Transport;
import dev.thrum.transport.TransportException;
import dev.thrum.transport.ble.BleDeviceFound;
import dev.thrum.transport.ble.BleScanner;
import dev.thrum.transport.ble.BleTransport;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Bluetooth LE devices for the runner: finds the device and its profile by scanning, then the tinyb adapter. */
final class BleSupport {
    private BleSupport() {}

    static final Duration SCAN = Duration.ofSeconds(10);

    static DeviceProfile profileFor(DeviceSpec.Ble spec, ProfileLibrary profiles) throws TransportException {
        BleDeviceFound found = locate(spec, profiles);
        return found.profile().orElseThrow(() -> new TransportException("Bluetooth device " + found.address()
                + " ('" + found.name() + "') matches no device profile; see 'thrum profiles list'"));
    }

    static Transport transport(DeviceSpec.Ble spec, DeviceProfile profile, ProfileLibrary profiles)
            throws TransportException {
        String address = spec.address() != null ? spec.address() : locate(spec, profiles).address();
        return BleTransport.to(address, profile);
    }

    private static BleDeviceFound locate(DeviceSpec.Ble spec, ProfileLibrary profiles) throws TransportException {
        List<DeviceProfile> all = List.copyOf(profiles.profiles().values());
        Optional<BleDeviceFound> found = spec.address() == null
                ? BleScanner.firstMatching(SCAN, all)
                : BleScanner.find(spec.address(), SCAN, all);
        return found.orElseThrow(() -> new TransportException(spec.address() == null
                ? "No Bluetooth device matching a known profile was found within 10 s; is it on and near? ('thrum devices --ble')"
                : "Bluetooth device " + spec.address() + " was not seen within 10 s; is it on and near? ('thrum devices --ble')"));
    }
}
