package dev.thrum.profile;

import java.util.List;

/**
 * The values a device accepts for its motor, and how an intensity fraction maps onto them.
 * Intensity 0 means stop. Any fraction above 0 maps to a running value; the lowest running value
 * stands for "just on" and the highest for 1.0. Mapping always rounds down, so a value never lies
 * above the fraction it was asked for (and so never above a cap expressed as a fraction).
 */
public sealed interface OutputRange {

    String unit();

    int stopValue();

    int lowestRunning();

    int highest();

    /** The device value for an intensity fraction 0..1, never above it. 0 gives the stop value. */
    int valueFor(double fraction);

    /** The intensity fraction a running device value stands for (0 for the lowest running value). */
    double fractionOf(int value);

    /** True for any value the device accepts, the stop value included. */
    boolean accepts(int value);

    /** Continuous range: any whole value from {@code min} to {@code max}. */
    record Continuous(String unit, int stop, int min, int max) implements OutputRange {
        public Continuous {
            if (min > max) throw new IllegalArgumentException("min " + min + " is above max " + max);
        }

        public int stopValue() { return stop; }

        public int lowestRunning() { return min; }

        public int highest() { return max; }

        public int valueFor(double fraction) {
            if (!(fraction > 0)) return stop;
            double f = Math.min(1.0, fraction);
            return min + (int) Math.floor(f * (max - min) + 1e-9);
        }

        public double fractionOf(int value) {
            if (value == stop) return 0;
            if (max == min) return 1;
            return Math.max(0, Math.min(1, (value - min) / (double) (max - min)));
        }

        public boolean accepts(int value) {
            return value == stop || (value >= min && value <= max);
        }
    }

    /**
     * Discrete levels, lowest first. Level k of n (k from 0) stands for fraction k/(n-1), so the
     * first level is "just on" and the last is 1.0. A fraction maps to the highest level not above it.
     */
    record Discrete(String unit, int stop, List<Integer> levels) implements OutputRange {
        public Discrete {
            levels = List.copyOf(levels);
            if (levels.isEmpty()) throw new IllegalArgumentException("levels is empty");
            for (int i = 1; i < levels.size(); i++) {
                if (levels.get(i) <= levels.get(i - 1))
                    throw new IllegalArgumentException("levels must rise strictly: " + levels);
            }
        }

        public int stopValue() { return stop; }

        public int lowestRunning() { return levels.get(0); }

        public int highest() { return levels.get(levels.size() - 1); }

        public int valueFor(double fraction) {
            if (!(fraction > 0)) return stop;
            int n = levels.size();
            if (n == 1) return levels.get(0);
            int k = (int) Math.floor(Math.min(1.0, fraction) * (n - 1) + 1e-9);
            return levels.get(k);
        }

        public double fractionOf(int value) {
            if (value == stop) return 0;
            int k = levels.indexOf(value);
            if (k < 0) throw new IllegalArgumentException(value + " is not one of the levels " + levels);
            return levels.size() == 1 ? 1 : k / (double) (levels.size() - 1);
        }

        public boolean accepts(int value) {
            return value == stop || levels.contains(value);
        }
    }
}
