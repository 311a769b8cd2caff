package dev.thrum.program;

/** How intensity rises over a ramp; each maps progress 0..1 to a share of the rise 0..1, never decreasing. */
public enum RampCurve {
    LINEAR {
        public double shape(double p) { return clamp(p); }
    },
    /** Slow start, faster finish: gentlest at the beginning, where the body is least warmed up. */
    EASE_IN {
        public double shape(double p) { double x = clamp(p); return x * x; }
    },
    /** Slow at both ends (smoothstep). */
    S_CURVE {
        public double shape(double p) { double x = clamp(p); return x * x * (3 - 2 * x); }
    };

    public abstract double shape(double progress);

    private static double clamp(double p) { return Math.max(0, Math.min(1, p)); }
}
