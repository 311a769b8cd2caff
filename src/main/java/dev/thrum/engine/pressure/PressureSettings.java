package dev.thrum.engine.pressure;

import dev.thrum.pressure.ForceRange;

/**
 * The timing and margins of pressure advice. Defaults, and why:
 * <ul>
 *   <li>{@code staleMs} 3000: devices report force with their status, about once a second; three
 *       missed reports mean we no longer know, and not knowing is never "pressing correctly".</li>
 *   <li>{@code dwellMs} 1500: advice that changes faster than a person can react only flickers.</li>
 *   <li>{@code hysteresis} 0.1: a reading must leave the band by a tenth of its width (or 2 N) to
 *       change the advice, so a reading wobbling on a bound does not toggle it.</li>
 *   <li>{@code warnAfterMs} 3000 and {@code actAfterMs} 8000: force above the region's maximum for
 *       3 s gives a warning; still above after 8 s, the motor ramps down and the session pauses.</li>
 * </ul>
 */
public record PressureSettings(long staleMs, long dwellMs, double hysteresis, long warnAfterMs, long actAfterMs) {

    public static final PressureSettings DEFAULTS = new PressureSettings(3000, 1500, 0.1, 3000, 8000);

    public PressureSettings {
        if (staleMs <= 0 || dwellMs < 0 || hysteresis < 0 || warnAfterMs < 0 || actAfterMs < warnAfterMs) {
            throw new IllegalArgumentException("bad pressure settings");
        }
    }

    double marginFor(ForceRange band) {
        return Math.max(2.0, band.width() * hysteresis);
    }
}
