package dev.thrum.protocol;

/**
 * What a device reported in one status frame. A field the frame does not carry is {@code null}.
 *
 * @param running  motor running flag
 * @param speed    current device value, in the profile's output unit
 * @param force    force estimate (devices estimate it from motor current; never a measurement)
 * @param battery  battery in percent, 0..100, after the profile's scaling
 * @param timer    seconds left on the device's own timer
 * @param firmware firmware version as the device states it
 */
public record DeviceStatus(Boolean running, Integer speed, Integer force, Integer battery,
                           Integer timer, String firmware) {

    public static DeviceStatus empty() {
        return new DeviceStatus(null, null, null, null, null, null);
    }
}
