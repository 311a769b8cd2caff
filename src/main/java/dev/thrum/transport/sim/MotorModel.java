package dev.thrum.transport.sim;

import dev.thrum.profile.OutputRange;

import java.time.Duration;

/**
 * The physics of the simulated massager's motor, in the profile's own device values: the actual
 * speed follows the commanded one with first-order inertia, the battery drains faster the faster
 * the motor turns, and a force estimate follows the pressure a test sets. Not thread-safe; the
 * {@link SimulatedMassager} guards it.
 */
final class MotorModel {

    /**
     * Time constant of spin-up and spin-down: 95% of a change is reached after 3 x 100 ms, and
     * within 1% of the range (where it snaps to the command) after at most 500 ms.
     */
    static final double INERTIA_TAU_MS = 100;
    /** Battery drain in percent per second: idle, and at full speed (it grows with speed squared). */
    static final double IDLE_DRAIN_PER_S = 0.0002;
    static final double RUN_DRAIN_PER_S = 0.004;
    static final double FULL_SPEED_EXTRA_DRAIN_PER_S = 0.02;
    /**
     * Force estimate at full speed and full pressure when the profile does not say its stall force
     * (pounds, as the Theragun app shows it).
     */
    static final int FORCE_AT_FULL = 60;

    private final OutputRange range;
    private final double forceAtFull;
    private int commanded;
    private double actual;
    private boolean running;
    private double battery = 100;
    /**
     * How hard the simulated person presses, 0..1. The default, a fifth, lands in the light band of the
     * default bands (docs/pressure.md) at running speeds: never "too much", so an unscripted demo completes.
     */
    private double pressure = 0.2;

    MotorModel(OutputRange range) {
        this(range, FORCE_AT_FULL);
    }

    /** @param forceAtFull the force figure, in the profile's unit, at full speed and full pressure (its stall force) */
    MotorModel(OutputRange range, double forceAtFull) {
        this.range = range;
        this.forceAtFull = forceAtFull;
        this.commanded = range.stopValue();
        this.actual = range.stopValue();
    }

    void command(int value) {
        commanded = value;
        running = value != range.stopValue();
        if (running && battery <= 0) stopByItself();
    }

    void stopByItself() {
        commanded = range.stopValue();
        running = false;
    }

    /** Moves the motor and the battery forward by {@code dt}. */
    void advance(Duration dt) {
        double ms = dt.toNanos() / 1e6;
        if (ms <= 0) return;
        double from = actual;
        actual = commanded + (actual - commanded) * Math.exp(-ms / INERTIA_TAU_MS);
        if (Math.abs(actual - commanded) < Math.max(0.5, 0.01 * range.highest())) actual = commanded;
        double mean = (from + actual) / 2;
        double drainPerS = IDLE_DRAIN_PER_S;
        if (mean > range.stopValue() + 0.5) {
            double share = Math.min(1, mean / range.highest());
            drainPerS += RUN_DRAIN_PER_S + FULL_SPEED_EXTRA_DRAIN_PER_S * share * share;
        }
        battery = Math.max(0, battery - drainPerS * ms / 1000);
        if (battery <= 0 && running) stopByItself();
    }

    int commanded() { return commanded; }

    double actual() { return actual; }

    boolean running() { return running; }

    /** The speed a status frame reports: the actual speed, snapped down to a level on discrete devices. */
    int reportedSpeed() {
        if (range instanceof OutputRange.Discrete d) {
            int best = range.stopValue();
            for (int level : d.levels()) if (level <= actual + 1e-9) best = level;
            return best;
        }
        return (int) Math.round(actual);
    }

    int batteryPercent() { return (int) Math.ceil(battery - 1e-9); }

    double batteryExact() { return battery; }

    void setBattery(double percent) {
        battery = Math.max(0, Math.min(100, percent));
        if (battery <= 0 && running) stopByItself();
    }

    void setPressure(double fraction) { pressure = Math.max(0, Math.min(1, fraction)); }

    /** Force estimate: grows with speed and the pressure applied; 0 when the motor stands still. */
    int forceEstimate() {
        if (actual <= range.stopValue() + 0.5) return 0;
        double share = Math.min(1, actual / range.highest());
        return (int) Math.round(forceAtFull * pressure * share);
    }
}
