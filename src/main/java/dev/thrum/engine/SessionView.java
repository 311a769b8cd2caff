package dev.thrum.engine;

import dev.thrum.program.Side;

import java.time.Duration;

/**
 * A snapshot for a live UI, as of the engine's last call (tick, control or device event).
 *
 * @param stepIndex           index into the plan's steps (0 before start; the last step once finished)
 * @param targetIntensity     the step's target after softer/harder presses (fraction 0..1)
 * @param cap                 the step's effective cap (fraction 0..1)
 * @param plannedIntensity    where the ramp curve is now (fraction), before rounding onto the device
 * @param commandedValue      the device value last commanded, null while the motor is commanded stopped
 * @param commandedIntensity  that value as a fraction of the device range (0 when stopped or at the lowest value)
 * @param overallProgress     share of the planned program time done, 0..1
 * @param battery             last battery percentage the device reported, null if none yet
 * @param reportedValue       last motor value (speed) the device reported, in device units, null if none yet
 * @param countdown           time left of a get-ready countdown (motor still, about to start), null when none
 * @param countdownKind       why that countdown runs, null when none
 */
public record SessionView(SessionState state, PauseReason pauseReason, boolean linkDown, Phase phase,
                          int stepIndex, int stepCount, String regionId, String regionName, Side side,
                          String cue, boolean rest,
                          Duration stepElapsed, Duration stepRemaining,
                          double targetIntensity, double cap, double plannedIntensity,
                          Integer commandedValue, double commandedIntensity,
                          double overallProgress, Duration activeTime, Duration pausedTime,
                          Duration plannedDuration, Integer battery, Integer reportedValue,
                          Duration countdown, ReadyKind countdownKind) {

    /** A view without a countdown. */
    public SessionView(SessionState state, PauseReason pauseReason, boolean linkDown, Phase phase,
                       int stepIndex, int stepCount, String regionId, String regionName, Side side,
                       String cue, boolean rest, Duration stepElapsed, Duration stepRemaining,
                       double targetIntensity, double cap, double plannedIntensity,
                       Integer commandedValue, double commandedIntensity,
                       double overallProgress, Duration activeTime, Duration pausedTime,
                       Duration plannedDuration, Integer battery, Integer reportedValue) {
        this(state, pauseReason, linkDown, phase, stepIndex, stepCount, regionId, regionName, side, cue, rest,
                stepElapsed, stepRemaining, targetIntensity, cap, plannedIntensity, commandedValue,
                commandedIntensity, overallProgress, activeTime, pausedTime, plannedDuration, battery,
                reportedValue, null, null);
    }
}
