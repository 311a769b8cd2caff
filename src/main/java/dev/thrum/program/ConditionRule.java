package dev.thrum.program;

import dev.thrum.pressure.PressureBand;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How one health condition tightens the defaults. Rules only ever lower limits.
 *
 * @param allCap        cap on every region (1.0 when the condition sets none)
 * @param regionCaps    caps on particular regions
 * @param avoid         regions skipped entirely
 * @param maxSession    shorter session ceiling, or null
 * @param confirm       the person must confirm before their first run (talked to their clinician)
 * @param reason        why, in plain words, shown in docs and before the first run
 * @param maxPressure   the firmest pressure band allowed anywhere for a person with this condition
 */
public record ConditionRule(double allCap, Map<String, Double> regionCaps, Set<String> avoid, Duration maxSession,
                            boolean confirm, String reason, PressureBand maxPressure) {

    public ConditionRule(double allCap, Map<String, Double> regionCaps, Set<String> avoid, Duration maxSession,
                         boolean confirm, String reason) {
        this(allCap, regionCaps, avoid, maxSession, confirm, reason, PressureBand.FIRM);
    }

    public ConditionRule {
        regionCaps = Map.copyOf(regionCaps);
        avoid = Set.copyOf(avoid);
        maxPressure = maxPressure == null ? PressureBand.FIRM : maxPressure;
    }

    /** The cap this rule puts on a region (1.0 when none). */
    public double capFor(String regionId) {
        return Math.min(allCap, regionCaps.getOrDefault(regionId, HardLimits.MAX_INTENSITY));
    }
}
