package dev.thrum.program;

import dev.thrum.pressure.PressureBand;

import java.time.Duration;

/**
 * One body region of the catalogue.
 *
 * @param hasSides      true for regions treated on the left and right separately
 * @param cap           default intensity cap 0..1 for everyone
 * @param maxContinuous longest continuous treatment of one side, at most {@link HardLimits#MAX_CONTINUOUS}
 * @param blocked       the gun must never go here; programs naming it are refused
 * @param maxPressure   the firmest pressure band allowed here (light beside the spine and in front of the hip)
 */
public record Region(String id, String name, boolean hasSides, double cap, Duration maxContinuous,
                     String cue, boolean blocked, PressureBand maxPressure) {

    /** A region with no pressure limit of its own (firm allowed). */
    public Region(String id, String name, boolean hasSides, double cap, Duration maxContinuous, String cue, boolean blocked) {
        this(id, name, hasSides, cap, maxContinuous, cue, blocked, PressureBand.FIRM);
    }

    public Region {
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*"))
            throw new IllegalArgumentException("region id must be lower-case words joined by '-': " + id);
        if (!(cap >= 0 && cap <= HardLimits.MAX_INTENSITY))
            throw new IllegalArgumentException("region " + id + ": cap outside 0..1: " + cap);
        if (maxContinuous.isNegative() || maxContinuous.isZero() || maxContinuous.compareTo(HardLimits.MAX_CONTINUOUS) > 0)
            throw new IllegalArgumentException("region " + id + ": maximum continuous time must be above 0 and at most "
                    + DurationText.format(HardLimits.MAX_CONTINUOUS));
        if (HardLimits.ALWAYS_BLOCKED.contains(id) && !blocked)
            throw new IllegalArgumentException("region " + id + " is always blocked");
        cue = cue == null ? "" : cue;
        maxPressure = maxPressure == null ? PressureBand.FIRM : maxPressure;
    }
}
