package dev.thrum.usage;

/**
 * Which massager ran a session.
 *
 * @param profileId the device profile id, for example {@code theragun-gen4}
 * @param address   BLE address, serial port path or {@code sim}; null when unknown
 */
public record DeviceInfo(String profileId, String address) {}
