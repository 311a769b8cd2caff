package dev.thrum.profile;

import java.util.List;

/** Names the format gives meaning to: status fields and command templates. */
public final class ProfileFields {
    private ProfileFields() {}

    /** Status fields, as in {@link dev.thrum.protocol.DeviceStatus}. */
    public static final List<String> STATUS_FIELDS =
            List.of("running", "speed", "force", "battery", "timer", "firmware",
                    "protocol", "capabilities", "stopReason", "nakCommand", "nakReason");

    /** Command template names, as in {@link dev.thrum.protocol.DeviceCommand#templateName()}. */
    public static final List<String> COMMANDS =
            List.of("setSpeed", "stop", "status", "version", "battery", "keepalive", "hello");

    /** The one value setSpeed carries. */
    public static final String SPEED = "speed";

    /** The one value hello carries: the host's protocol version (open serial protocol v2). */
    public static final String PROTOCOL = "protocol";
}
