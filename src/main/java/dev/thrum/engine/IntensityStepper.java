package dev.thrum.engine;

import dev.thrum.profile.OutputRange;

/**
 * One softer or harder press. Discrete ranges move one level (the target snaps to the level it maps
 * to, then one up or down); continuous ranges move by a fixed fraction. The result stays within
 * 0 (the lowest running value) and the step's cap.
 */
final class IntensityStepper {

    private final OutputRange output;
    private final double continuousStep;

    IntensityStepper(OutputRange output, double continuousStep) {
        this.output = output;
        this.continuousStep = continuousStep;
    }

    double softer(double target) {
        if (output instanceof OutputRange.Discrete d) {
            int level = levelIndex(d, target);
            return level <= 0 ? 0 : fractionOfLevel(d, level - 1);
        }
        return Math.max(0, target - continuousStep);
    }

    double harder(double target, double cap) {
        if (output instanceof OutputRange.Discrete d) {
            int level = levelIndex(d, target);
            if (level >= d.levels().size() - 1) return Math.min(target, cap);
            return Math.min(cap, fractionOfLevel(d, level + 1));
        }
        return Math.min(cap, target + continuousStep);
    }

    private int levelIndex(OutputRange.Discrete d, double target) {
        int v = output.valueFor(target);
        return v == d.stop() ? 0 : d.levels().indexOf(v);
    }

    private static double fractionOfLevel(OutputRange.Discrete d, int level) {
        int n = d.levels().size();
        return n == 1 ? 1 : level / (double) (n - 1);
    }
}
