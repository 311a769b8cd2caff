package dev.thrum.engine;

/** The kinds of {@link EngineEvent.Warning}. */
public enum WarningCode {
    /** Continuous time on one region and side reached the region's limit. */
    REGION_TIME_LIMIT,
    /** Active time reached the session ceiling; the engine ramps down and finishes. */
    SESSION_CEILING,
    /** Battery at or below the warning level. */
    BATTERY_LOW,
    /** Battery below the floor; the engine ramps down and pauses. */
    BATTERY_CRITICAL,
    /** The device said its motor stopped although we asked it to run. */
    DEVICE_STOPPED,
    /** The link to the device went down. */
    LINK_LOST,
    /** A resume was refused (link down, battery below the floor). */
    RESUME_REFUSED,
    /** Force stayed above the region's maximum pressure for a few seconds. */
    PRESSURE_HIGH,
    /** Force stayed above the region's maximum for longer: the engine ramps down and pauses. */
    PRESSURE_PAUSE
}
