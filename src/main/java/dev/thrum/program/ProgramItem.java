package dev.thrum.program;

import java.time.Duration;
import java.util.List;

/** One entry of a program's step list, as written in the file (before planning). */
public sealed interface ProgramItem {

    /** Work on one region: ramp from low to {@code target} over {@code rampUp}, then hold. */
    record Treat(String regionId, SideChoice side, Duration duration, double target, Duration rampUp,
                 RampCurve curve, String cue) implements ProgramItem {}

    /** Motor stopped, for moving the gun or letting the tissue settle. */
    record Rest(Duration duration, String cue) implements ProgramItem {}

    /** Run {@code steps} {@code times} times in a row (for example two passes with a rest between). */
    record Repeat(int times, List<ProgramItem> steps) implements ProgramItem {
        public Repeat {
            steps = List.copyOf(steps);
        }
    }
}
