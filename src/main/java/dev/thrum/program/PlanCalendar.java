package dev.thrum.program;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The dated occurrences of a fixed-weekday plan, in a time zone. Pure: the zone and the span come
 * from the caller, so daylight-saving changes are tested on any machine.
 */
public final class PlanCalendar {
    private PlanCalendar() {}

    /** One planned session: a program on a date, at a zoned time when the plan has one. */
    public record Occurrence(LocalDate date, String programId, ZonedDateTime at) {}

    /**
     * Every occurrence from {@code first} to {@code last} (both inclusive). A planned time that falls
     * in a daylight-saving gap moves forward by the gap (02:30 on a spring-forward night becomes 03:30),
     * which is what java.time and calendar apps do; in an overlap the earlier offset is taken.
     */
    public static List<Occurrence> occurrences(Plan plan, ZoneId zone, LocalDate first, LocalDate last) {
        List<Occurrence> out = new ArrayList<>();
        if (plan.flexible()) return out;
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!plan.plannedOn(d)) continue;
            ZonedDateTime at = plan.at() == null ? null : ZonedDateTime.of(d, plan.at(), zone);
            for (String p : plan.programs()) out.add(new Occurrence(d, p, at));
        }
        return out;
    }

    /** The planned moment on {@code date}, or null when the plan has no time of day. */
    public static ZonedDateTime timeOn(Plan plan, ZoneId zone, LocalDate date) {
        return plan.at() == null ? null : ZonedDateTime.of(date, plan.at(), zone);
    }
}
