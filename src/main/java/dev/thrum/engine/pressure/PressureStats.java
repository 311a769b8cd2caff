package dev.thrum.engine.pressure;

/**
 * One step's pressure, as logged. Forces in newtons; null when the device reported none.
 *
 * @param tooMuchEpisodes times the force stayed above the region's maximum long enough to warn
 */
public record PressureStats(Double meanNewtons, Double peakNewtons, double secondsBelow, double secondsIn,
                            double secondsAbove, double secondsUnknown, int tooMuchEpisodes) {}
