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
 */
public record EngineSettings(Duration rampDown, Duration resumeRamp, Duration windDown, Duration spinUpGrace,
                             int batteryWarnPercent, int batteryFloorPercent, double continuousAdjustStep) {

    public EngineSettings {
        if (continuousAdjustStep <= 0 || continuousAdjustStep > 1)
            throw new IllegalArgumentException("continuousAdjustStep must be in (0, 1]: " + continuousAdjustStep);
        if (batteryFloorPercent > batteryWarnPercent)
            throw new IllegalArgumentException("battery floor " + batteryFloorPercent + " above warning level " + batteryWarnPercent);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(3),
                Duration.ofSeconds(3), 20, 10, 0.05);
    }
}
