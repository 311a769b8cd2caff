package dev.thrum.program;

import java.time.Duration;
import java.util.Set;

/**
 * Ceilings written in code that no file (catalogue override, program, client) can lift.
 * The numbers come from docs/safety.md: Konrad 2020 used 5 minutes on one muscle at most,
 * and consumer guidance keeps a whole session well inside 30 minutes.
 */
public final class HardLimits {
    private HardLimits() {}

    /** Longest continuous time on one region and side. */
    public static final Duration MAX_CONTINUOUS = Duration.ofMinutes(5);
    /** Longest session. */
    public static final Duration SESSION_CEILING = Duration.ofMinutes(30);
    /** Intensity is a fraction of the device's range; 1.0 is the device maximum. */
    public static final double MAX_INTENSITY = 1.0;
    /** Regions that stay blocked whatever a user file says: the neck's arteries, the spine itself. */
    public static final Set<String> ALWAYS_BLOCKED = Set.of("neck", "spine");
}
