package dev.thrum.usage;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.SessionReport;
import dev.thrum.engine.StepReport;
import dev.thrum.program.Side;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds sessions whose figures a test knows exactly. */
final class Sessions {
    private Sessions() {}

    static final DeviceInfo DEVICE = new DeviceInfo("theragun-gen4", "AA:BB:CC:DD:EE:FF");

    /** A step on {@code region}/{@code side} that ran {@code seconds}. */
    static StepReport step(int index, String region, Side side, double seconds) {
        return new StepReport(index, region, side, false, seconds, seconds, 0.6, 0.45, 1, 0, false);
    }

    static StepReport rest(int index, double seconds) {
        return new StepReport(index, "rest", Side.NONE, true, seconds, seconds, 0, 0, 0, 0, false);
    }

    /** A completed session starting at {@code start} whose active time is the sum of its steps. */
    static SessionRecord session(String id, String client, String program, Instant start, StepReport... steps) {
        double active = 0;
        for (StepReport s : steps) if (!s.rest()) active += s.actualSeconds();
        double rests = 0;
        for (StepReport s : steps) if (s.rest()) rests += s.actualSeconds();
        return new SessionRecord(id, client, program, program + " routine", DEVICE, start,
                start.plusMillis((long) ((active + rests) * 1000)), active, rests, Outcome.COMPLETED, 0,
                List.of(), List.of(steps));
    }

    static SessionReport runningReport(String client, String program, Instant start, double activeSeconds,
                                       List<StepReport> steps) {
        return new SessionReport(program, program + " routine", client, start, null, activeSeconds, 0, null,
                new ArrayList<>(steps), List.of(), 0);
    }
}
