package dev.thrum.protocol;

/**
 * What a device reported in one status frame. A field the frame does not carry is {@code null}.
 *
 * @param running      motor running flag
 * @param speed        current device value, in the profile's output unit
 * @param force        force estimate (devices estimate it from motor current; never a measurement)
 * @param battery      battery in percent, 0..100, after the profile's scaling; null when not known
 * @param timer        seconds left on the device's own timer
 * @param firmware     firmware version as the device states it
 * @param protocol     the protocol version the device speaks (an INFO frame)
 * @param capabilities the device's capability bits (an INFO frame; meaning in the protocol's document)
 * @param stopReason   why the motor last stopped (a protocol code; 0: it did not)
 * @param nakCommand   the command code the device refused (a NAK frame)
 * @param nakReason    why it refused it (a protocol code)
 */
public record DeviceStatus(Boolean running, Integer speed, Integer force, Integer battery,
                           Integer timer, String firmware, Integer protocol, Integer capabilities,
                           Integer stopReason, Integer nakCommand, Integer nakReason) {

    /** A status without the protocol-handshake fields (what most frames carry). */
    public DeviceStatus(Boolean running, Integer speed, Integer force, Integer battery, Integer timer, String firmware) {
        this(running, speed, force, battery, timer, firmware, null, null, null, null, null);
    }

    public static DeviceStatus empty() {
        return new DeviceStatus(null, null, null, null, null, null);
    }

    /** True for a device's refusal of a command (it says nothing about the motor). */
    public boolean isNak() { return nakCommand != null; }
}
