package dev.thrum.program;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A treatment plan for one client: which programs, on which weekdays or how many times a week, at
 * what time of day, from when until when. Stored in the client record as {@code "plan"} (docs/plans.md).
 * Either {@code days} is set (a session of every program on each of those weekdays) or
 * {@code timesPerWeek} (that many sessions a week, on days the person chooses); never both.
 *
 * @param programs     program ids, at least one, each done once on a planned day
 * @param days         planned weekdays; empty when {@code timesPerWeek} is used
 * @param timesPerWeek sessions a week on free days, 1..7; 0 when {@code days} is used
 * @param at           local time of day the session is planned (reminders go out then), or null for "any time"
 * @param from         first day of the plan
 * @param until        last day of the plan (inclusive), or null for open-ended
 */
public record Plan(List<String> programs, Set<DayOfWeek> days, int timesPerWeek, LocalTime at,
                   LocalDate from, LocalDate until) {

    public Plan {
        if (programs == null || programs.isEmpty()) throw new IllegalArgumentException("a plan needs at least one program");
        programs = List.copyOf(programs);
        days = Collections.unmodifiableSet(days == null || days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days));
        if (days.isEmpty() == (timesPerWeek == 0))
            throw new IllegalArgumentException("a plan needs either weekdays or a number of times a week, not both");
        if (timesPerWeek < 0 || timesPerWeek > 7) throw new IllegalArgumentException("times a week must be 1..7, got " + timesPerWeek);
        if (from == null) throw new IllegalArgumentException("a plan needs a first day");
        if (until != null && until.isBefore(from))
            throw new IllegalArgumentException("the plan ends (" + until + ") before it starts (" + from + ")");
    }

    /** True when the plan runs on that date (between its first and last day). */
    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (until == null || !date.isAfter(until));
    }

    /** True when {@code date} is one of the plan's fixed weekdays within its span. */
    public boolean plannedOn(LocalDate date) {
        return covers(date) && days.contains(date.getDayOfWeek());
    }

    /** True for "N times a week" plans. */
    public boolean flexible() {
        return timesPerWeek > 0;
    }

    /** Sessions due in a whole week: one per program on each planned day, or N per program. */
    public int sessionsPerWeek() {
        return programs.size() * (flexible() ? timesPerWeek : days.size());
    }
}
