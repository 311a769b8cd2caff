package dev.thrum.protocol;

/**
 * What the host asks the massager to do. The codec turns these into the bytes of a profile's
 * command templates; the simulator turns those bytes back into these.
 */
public sealed interface DeviceCommand {

    /** The template name in a profile's {@code commands} object. */
    String templateName();

    /** Run the motor at a device value (rpm, level number...) inside the profile's output range. */
    record SetSpeed(int value) implements DeviceCommand {
        public String templateName() { return "setSpeed"; }
    }

    /** Stop the motor. Always jumps the write queue. */
    record Stop() implements DeviceCommand {
        public String templateName() { return "stop"; }
    }

    record StatusRequest() implements DeviceCommand {
        public String templateName() { return "status"; }
    }

    record VersionRequest() implements DeviceCommand {
        public String templateName() { return "version"; }
    }

    record BatteryRequest() implements DeviceCommand {
        public String templateName() { return "battery"; }
    }

    /** For devices that stop on their own unless they hear from the host now and then. */
    record Keepalive() implements DeviceCommand {
        public String templateName() { return "keepalive"; }
    }

    /**
     * Announces the host's protocol version (open serial protocol v2 and later); a device that knows
     * it answers with its own version and capabilities, one that does not ignores it.
     */
    record Hello(int protocol) implements DeviceCommand {
        public String templateName() { return "hello"; }
    }
}
