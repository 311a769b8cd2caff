package dev.thrum.program;

import dev.thrum.pressure.PressureBand;

import java.time.Duration;
import java.util.List;

/** One entry of a program's step list, as written in the file (before planning). */
public sealed interface ProgramItem {

    /**
     * Work on one region: ramp from low to {@code target} over {@code rampUp}, then hold. The person
     * presses lightly at first and builds up to {@code pressure} over {@code pressureRamp}.
     *
     * @param pressure     the band the step asks for; null when the program does not say (medium, within limits)
     * @param pressureRamp time to build from light to {@code pressure}; null: the same as {@code rampUp}
     */
    record Treat(String regionId, SideChoice side, Duration duration, double target, Duration rampUp,
                 RampCurve curve, String cue, PressureBand pressure, Duration pressureRamp) implements ProgramItem {

        public Treat(String regionId, SideChoice side, Duration duration, double target, Duration rampUp,
                     RampCurve curve, String cue) {
            this(regionId, side, duration, target, rampUp, curve, cue, null, null);
        }
    }

    /** Motor stopped, for moving the gun or letting the tissue settle. */
    record Rest(Duration duration, String cue) implements ProgramItem {}

    /** Run {@code steps} {@code times} times in a row (for example two passes with a rest between). */
    record Repeat(int times, List<ProgramItem> steps) implements ProgramItem {
        public Repeat {
            steps = List.copyOf(steps);
        }
    }
}
