package dev.thrum.program;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A validated routine, as written by its author. {@link Planner} turns it into a {@link SessionPlan}. */
public record Program(String id, String name, String author, String description, List<ProgramItem> steps) {
    public Program {
        steps = List.copyOf(steps);
        author = author == null ? "" : author;
        description = description == null ? "" : description;
    }

    /** The items with repeats unrolled (sides are not expanded here). */
    public List<ProgramItem> unrolled() {
        List<ProgramItem> out = new ArrayList<>();
        unroll(steps, out);
        return out;
    }

    private static void unroll(List<ProgramItem> items, List<ProgramItem> out) {
        for (ProgramItem item : items) {
            if (item instanceof ProgramItem.Repeat r) {
                for (int i = 0; i < r.times(); i++) unroll(r.steps(), out);
            } else {
                out.add(item);
            }
        }
    }

    /** Total time with sides expanded (a BOTH step counts twice) and repeats unrolled. */
    public Duration totalDuration() {
        Duration total = Duration.ZERO;
        for (ProgramItem item : unrolled()) {
            if (item instanceof ProgramItem.Treat t) {
                total = total.plus(t.side() == SideChoice.BOTH ? t.duration().multipliedBy(2) : t.duration());
            } else if (item instanceof ProgramItem.Rest r) {
                total = total.plus(r.duration());
            }
        }
        return total;
    }
}
