package dev.thrum.engine;

/** Why the session is paused. Every reason but {@link #USER} counts as an interruption in the report. */
public enum PauseReason {
    USER, LINK_LOST, BATTERY_LOW, DEVICE_STOPPED,
    /** The person pressed harder than the region allows for too long. */
    PRESSURE;

    public boolean askedFor() { return this == USER; }
}
