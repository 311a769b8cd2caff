package dev.thrum.transport.ble;

import dev.thrum.profile.DeviceProfile;

import java.util.Optional;

/**
 * One device seen in a scan.
 *
 * @param address Bluetooth address, upper case (AA:BB:CC:DD:EE:FF)
 * @param name    the advertised name (BlueZ's alias, which is the name unless someone renamed it)
 * @param rssi    signal strength in dBm; 0 when BlueZ has no recent reading
 * @param profile the first profile that matches it, if any
 */
public record BleDeviceFound(String address, String name, int rssi, Optional<DeviceProfile> profile) {

    /** The matched profile's id, or "-" when none matched (for listings). */
    public String profileId() {
        return profile.map(DeviceProfile::id).orElse("-");
    }
}
