package dev.thrum.engine;

/**
 * The battery limits: a low-battery warning once per dip below the warning level, and the floor
 * below which the motor must not run (the engine ramps down and pauses, and refuses to start or
 * resume). Fed the device's reports; knows nothing of the session's state.
 */
final class BatteryWatch {
    private final int warnPercent;
    private final int floorPercent;
    private Integer percent;
    private boolean warned;

    BatteryWatch(EngineSettings settings) {
        this.warnPercent = settings.batteryWarnPercent();
        this.floorPercent = settings.batteryFloorPercent();
    }

    /**
     * A battery report. Returns the low-battery warning to give now, or null: it is given once when
     * the level falls to the warning level, and again only after the level has risen above it.
     */
    String onReading(int reported) {
        percent = reported;
        if (reported > warnPercent) {
            warned = false;
            return null;
        }
        if (warned) return null;
        warned = true;
        return WarningTexts.batteryLow(reported);
    }

    /** Whether the last report was below the floor (false before any report). */
    boolean belowFloor() { return percent != null && percent < floorPercent; }

    /** The last reported level, or null before any report. */
    Integer percent() { return percent; }

    int floorPercent() { return floorPercent; }
}
