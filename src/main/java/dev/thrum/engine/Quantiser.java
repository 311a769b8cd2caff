package dev.thrum.engine;

import dev.thrum.profile.OutputRange;
import dev.thrum.protocol.DeviceCommand;

import java.util.Optional;

/**
 * Turns wished-for intensity fractions into device commands, and remembers what the motor was last
 * told. Rules, each for safety or for the device's pacing:
 * <ul>
 *   <li>values come from {@link OutputRange#valueFor}, which rounds down, and are clipped to the
 *       value of the cap, so no command is ever above the effective cap;</li>
 *   <li>the first running value after the motor was stopped (or its state unknown) is always the
 *       lowest running value, whatever was wished for;</li>
 *   <li>a running value changes at most once per pacing gap, unless the caller says the change is
 *       immediate (a new step starting);</li>
 *   <li>nothing is sent when the value does not change, except {@link #forceStop}.</li>
 * </ul>
 */
final class Quantiser {

    private enum Motor { UNKNOWN, STOPPED, RUNNING }

    private final OutputRange output;
    private final long minGapMs;
    private Motor motor = Motor.UNKNOWN;
    private int value;
    private long lastChangeAt = Long.MIN_VALUE / 2;
    private long runningSince;
    private long stoppedSince;

    Quantiser(OutputRange output, long minGapMs) {
        this.output = output;
        this.minGapMs = minGapMs;
    }

    /** The device value for a fraction, rounded down and never above the cap's value. Stop value if the cap allows no running. */
    int valueFor(double fraction, double cap) {
        int ceiling = output.valueFor(cap);
        if (ceiling == output.stopValue()) return output.stopValue();
        int v = output.valueFor(Math.min(Math.max(0, fraction), cap));
        if (v == output.stopValue()) v = output.lowestRunning();
        return Math.min(v, ceiling);
    }

    /** Ask for the motor to run at {@code fraction} (clipped to {@code cap}); empty when nothing needs sending now. */
    Optional<DeviceCommand> run(double fraction, double cap, long now, boolean immediate) {
        int wanted = valueFor(fraction, cap);
        if (wanted == output.stopValue()) return stop(now);
        if (motor != Motor.RUNNING) {
            // Every start, resume and reconnect begins at the lowest running value.
            return send(output.lowestRunning(), now, true);
        }
        if (wanted == value) return Optional.empty();
        if (!immediate && now - lastChangeAt < minGapMs) return Optional.empty();
        return send(wanted, now, false);
    }

    /** Stop the motor if it is (or may be) running. */
    Optional<DeviceCommand> stop(long now) {
        if (motor == Motor.STOPPED) return Optional.empty();
        return Optional.of(forceStop(now));
    }

    /** Stop, sent whatever we believe the motor is doing. */
    DeviceCommand forceStop(long now) {
        if (motor != Motor.STOPPED) stoppedSince = now;
        motor = Motor.STOPPED;
        lastChangeAt = now;
        return new DeviceCommand.Stop();
    }

    /** The link dropped: we no longer know what the motor does, so the next run starts low again. */
    void forget() {
        motor = Motor.UNKNOWN;
    }

    private Optional<DeviceCommand> send(int v, long now, boolean starting) {
        if (starting) runningSince = now;
        motor = Motor.RUNNING;
        value = v;
        lastChangeAt = now;
        return Optional.of(new DeviceCommand.SetSpeed(v));
    }

    boolean running() { return motor == Motor.RUNNING; }

    boolean stopped() { return motor == Motor.STOPPED; }

    long runningSince() { return runningSince; }

    long stoppedSince() { return stoppedSince; }

    /** Last commanded running value, null when stopped or unknown. */
    Integer commandedValue() { return running() ? value : null; }

    /** The commanded value as an intensity fraction (0 when not running). */
    double commandedFraction() { return running() ? output.fractionOf(value) : 0; }
}
