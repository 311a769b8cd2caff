package dev.thrum.plan;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.usage.SessionRecord;
import dev.thrum.program.Client;
import dev.thrum.program.Plan;
import dev.thrum.program.PlanCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * What a client's plan asks for on one day, and what of it the usage log shows as done. Pure: the
 * sessions, the zone and "today" are handed in, so `thrum today`, the reminders and the review agree.
 *
 * <p>A session counts for a planned program when it is the client's, of that program, started on
 * that local day, and either completed or treated for at least half its planned time (a session
 * stopped after a minute does not tick the day off). See docs/plans.md.
 */
public final class PlanProgress {
    private PlanProgress() {}

    public enum Status { DONE, DUE, MISSED, NOT_DUE }

    /**
     * One program on one day.
     *
     * @param at         the planned moment, or null when the plan has no time of day
     * @param session    the session that did it (when DONE)
     * @param weekDone   sessions of this program in the date's week (Monday to Sunday), for "N times a week" plans
     * @param weekTarget the plan's times a week, 0 for fixed-day plans
     */
    public record Item(String programId, LocalDate date, ZonedDateTime at, Status status, SessionRecord session,
                       int weekDone, int weekTarget) {}

    /**
     * The plan's items for {@code date}. Days before {@code today} that were planned and not done are
     * MISSED; today and later ones are DUE until done. Empty when the plan does not cover the date or
     * (fixed days) the date is not a planned weekday.
     */
    public static List<Item> day(Client client, ZoneId zone, LocalDate date, LocalDate today,
                                 Collection<SessionRecord> sessions) {
        Plan plan = client.plan();
        List<Item> out = new ArrayList<>();
        if (plan == null || !plan.covers(date)) return out;
        ZonedDateTime at = PlanCalendar.timeOn(plan, zone, date);
        if (!plan.flexible()) {
            if (!plan.plannedOn(date)) return out;
            for (String program : plan.programs()) {
                SessionRecord s = doneOn(client, program, date, zone, sessions);
                Status st = s != null ? Status.DONE : date.isBefore(today) ? Status.MISSED : Status.DUE;
                out.add(new Item(program, date, at, st, s, 0, 0));
            }
            return out;
        }
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (String program : plan.programs()) {
            int before = 0;
            for (LocalDate d = monday; d.isBefore(date); d = d.plusDays(1))
                if (plan.covers(d) && doneOn(client, program, d, zone, sessions) != null) before++;
            SessionRecord s = doneOn(client, program, date, zone, sessions);
            int weekDone = before + (s != null ? 1 : 0);
            Status st = s != null ? Status.DONE : before >= plan.timesPerWeek() || date.isBefore(today)
                    ? Status.NOT_DUE : Status.DUE;
            out.add(new Item(program, date, at, st, s, weekDone, plan.timesPerWeek()));
        }
        return out;
    }

    /** True when something of the plan is still due on {@code date} (what a reminder asks). */
    public static boolean anythingDue(List<Item> items) {
        return items.stream().anyMatch(i -> i.status() == Status.DUE);
    }

    /** The first session that counts for {@code program} on {@code date}, or null. */
    public static SessionRecord doneOn(Client client, String program, LocalDate date, ZoneId zone,
                                       Collection<SessionRecord> sessions) {
        for (SessionRecord r : sessions) {
            if (!program.equals(r.programId()) || !belongsTo(r, client) || r.startedAt() == null) continue;
            if (!r.startedAt().atZone(zone).toLocalDate().equals(date)) continue;
            if (counts(r)) return r;
        }
        return null;
    }

    /** The record is this client's: by name (any case) or by id. */
    public static boolean belongsTo(SessionRecord r, Client client) {
        String n = r.clientName();
        return n != null && (n.equalsIgnoreCase(client.name()) || n.toLowerCase(Locale.ROOT).equals(client.id()));
    }

    /** Completed, or treated for at least half the planned treatment time. */
    public static boolean counts(SessionRecord r) {
        if (r.outcome() == Outcome.COMPLETED) return true;
        double planned = 0;
        for (StepReport s : r.steps()) if (!s.rest()) planned += s.plannedSeconds();
        return planned > 0 && r.activeSeconds() >= planned / 2;
    }
}
