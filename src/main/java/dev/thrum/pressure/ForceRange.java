package dev.thrum.pressure;

/**
 * A range of force in newtons, the one unit the engine reasons in (a profile converts its device's
 * figure, in pounds-force or a raw scale, into newtons before the engine sees it).
 */
public record ForceRange(double low, double high) {
    public ForceRange {
        if (!(low >= 0) || !(high >= low)) throw new IllegalArgumentException("bad force range " + low + ".." + high);
    }

    public boolean contains(double newtons) { return newtons >= low && newtons <= high; }

    public double width() { return high - low; }

    /** The range a fraction {@code t} (0..1) of the way from {@code from} to {@code to}, both ends moved. */
    public static ForceRange between(ForceRange from, ForceRange to, double t) {
        double k = Math.max(0, Math.min(1, t));
        return new ForceRange(from.low + (to.low - from.low) * k, from.high + (to.high - from.high) * k);
    }
}
