package dev.thrum.engine;

import dev.thrum.program.Side;

/**
 * What really happened in one planned step. Intensities are fractions 0..1 of the device range
 * as commanded (time-weighted mean over the step's active seconds).
 */
public record StepReport(int index, String regionId, Side side, boolean rest,
                         double plannedSeconds, double actualSeconds,
                         double peakIntensity, double meanIntensity,
                         int softer, int harder, boolean skipped) {}
