package dev.thrum.engine;

import dev.thrum.engine.pressure.PressureStats;
import dev.thrum.program.Side;

/**
 * What really happened in one planned step. Intensities are fractions 0..1 of the device range
 * as commanded (time-weighted mean over the step's active seconds).
 *
 * @param pressure the step's pressure (band, force, seconds below/in/above the band); null for rests and
 *                 for records written before pressure was logged
 */
public record StepReport(int index, String regionId, Side side, boolean rest,
                         double plannedSeconds, double actualSeconds,
                         double peakIntensity, double meanIntensity,
                         int softer, int harder, boolean skipped, StepPressure pressure) {

    public StepReport(int index, String regionId, Side side, boolean rest, double plannedSeconds, double actualSeconds,
                      double peakIntensity, double meanIntensity, int softer, int harder, boolean skipped) {
        this(index, regionId, side, rest, plannedSeconds, actualSeconds, peakIntensity, meanIntensity, softer, harder,
                skipped, null);
    }

    /** The band a step asked for and, where the device reported force, what the person did. */
    public record StepPressure(String band, PressureStats stats) {}
}
