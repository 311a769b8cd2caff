package dev.thrum.engine;

import java.time.Duration;

/**
 * The engine's fixed behaviour numbers. {@link #defaults()} holds the values Thrum ships with;
 * tests pass their own to make timings easy to reason about.
 *
 * @param rampDown             longest ramp-down at the end of an active step (at most a quarter of the step)
 * @param resumeRamp           how long a resume or link return takes to climb back from the lowest running value
 * @param windDown             ramp-down before a pause for a flat battery or the end at the session ceiling
 * @param spinUpGrace          how long after starting the motor a "not running" status is still believed to be spin-up
 * @param batteryWarnPercent   at or below this battery level the engine warns once
 * @param batteryFloorPercent  below this battery level the engine ramps down and pauses, and refuses to resume
 * @param continuousAdjustStep how far one softer/harder press moves the target on a continuous range (fraction)
 * @param getReady             the motor-still countdown before the motor first starts and before each new region
 * @param sideChange           the motor-still pause to move the gun when only the side changes
 */
public record EngineSettings(Duration rampDown, Duration resumeRamp, Duration windDown, Duration spinUpGrace,
                             int batteryWarnPercent, int batteryFloorPercent, double continuousAdjustStep,
                             Duration getReady, Duration sideChange) {

    /** Settings without get-ready countdowns (what the engine's timing tests reason about). */
    public EngineSettings(Duration rampDown, Duration resumeRamp, Duration windDown, Duration spinUpGrace,
                          int batteryWarnPercent, int batteryFloorPercent, double continuousAdjustStep) {
        this(rampDown, resumeRamp, windDown, spinUpGrace, batteryWarnPercent, batteryFloorPercent,
                continuousAdjustStep, Duration.ZERO, Duration.ZERO);
    }

    public EngineSettings {
        if (continuousAdjustStep <= 0 || continuousAdjustStep > 1)
            throw new IllegalArgumentException("continuousAdjustStep must be in (0, 1]: " + continuousAdjustStep);
        if (batteryFloorPercent > batteryWarnPercent)
            throw new IllegalArgumentException("battery floor " + batteryFloorPercent + " above warning level " + batteryWarnPercent);
    }

    /** The shipped numbers without the get-ready countdowns; see {@link #shipped()}. */
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(3),
                Duration.ofSeconds(3), 20, 10, 0.05);
    }

    /** What Thrum runs sessions with: {@link #defaults()} plus a 5 s get-ready and a 3 s side change. */
    public static EngineSettings shipped() {
        return defaults().withCountdowns(Duration.ofSeconds(5), Duration.ofSeconds(3));
    }

    public EngineSettings withCountdowns(Duration getReady, Duration sideChange) {
        return new EngineSettings(rampDown, resumeRamp, windDown, spinUpGrace, batteryWarnPercent,
                batteryFloorPercent, continuousAdjustStep, getReady, sideChange);
    }

    /** The spin-up grace replaced (a scaled clock needs it in session time). */
    public EngineSettings withSpinUpGrace(Duration grace) {
        return new EngineSettings(rampDown, resumeRamp, windDown, grace, batteryWarnPercent,
                batteryFloorPercent, continuousAdjustStep, getReady, sideChange);
    }

    Duration countdownFor(ReadyKind kind) {
        return kind == ReadyKind.SIDE ? sideChange : getReady;
    }
}
