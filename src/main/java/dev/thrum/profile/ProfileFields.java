package dev.thrum.profile;

import java.util.List;

/** Names the format gives meaning to: status fields and command templates. */
public final class ProfileFields {
    private ProfileFields() {}

    /** Status fields, as in {@link dev.thrum.protocol.DeviceStatus}. */
    public static final List<String> STATUS_FIELDS =
            List.of("running", "speed", "force", "battery", "timer", "firmware");

    /** Command template names, as in {@link dev.thrum.protocol.DeviceCommand#templateName()}. */
    public static final List<String> COMMANDS =
            List.of("setSpeed", "stop", "status", "version", "battery", "keepalive");

    /** The one value a command template may carry. */
    public static final String SPEED = "speed";
}
