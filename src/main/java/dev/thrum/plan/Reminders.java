package dev.thrum.plan;

import dev.thrum.program.Client;
import dev.thrum.program.Plan;
import dev.thrum.program.PlanCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When reminders are planned: at the plan's time of day, in the user's time zone, on each planned
 * day (every day of the plan's span for "N times a week" plans, where the day's progress decides).
 * Pure: the daemon's reminder service asks it for the moments that passed since its last look and
 * then checks with {@link PlanProgress} whether the day's session is still due.
 */
public final class Reminders {
    /** How far back a daemon that starts late still reminds (it was started at 18:10 for an 18:00 plan). */
    public static final java.time.Duration CATCH_UP = java.time.Duration.ofMinutes(30);

    private Reminders() {}

    /** A planned reminder moment for a client. */
    public record Moment(Client client, LocalDate date, ZonedDateTime at) {}

    /**
     * The planned moments in {@code (after, until]} for every client with a timed plan, in time order.
     * A wall time that does not exist on a spring-forward day moves forward by the gap; one that
     * happens twice on a fall-back day is taken once, at its first occurrence.
     */
    public static List<Moment> between(List<Client> clients, ZoneId zone, Instant after, Instant until) {
        List<Moment> out = new ArrayList<>();
        LocalDate first = after.atZone(zone).toLocalDate(), last = until.atZone(zone).toLocalDate();
        for (Client c : clients) {
            Plan plan = c.plan();
            if (plan == null || plan.at() == null) continue;
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (!(plan.flexible() ? plan.covers(d) : plan.plannedOn(d))) continue;
                ZonedDateTime at = PlanCalendar.timeOn(plan, zone, d);
                Instant i = at.toInstant();
                if (i.isAfter(after) && !i.isAfter(until)) out.add(new Moment(c, d, at));
            }
        }
        out.sort(Comparator.comparing(m -> m.at().toInstant()));
        return out;
    }

    /** The next planned moment after {@code after} for one client, or null when the plan has none left. */
    public static Moment next(Client client, ZoneId zone, Instant after) {
        Plan plan = client.plan();
        if (plan == null || plan.at() == null) return null;
        Instant until = after;
        for (int week = 0; week < 520; week++) {
            Instant from = until;
            until = from.atZone(zone).plusWeeks(1).toInstant();
            List<Moment> ms = between(List.of(client), zone, from, until);
            if (!ms.isEmpty()) return ms.get(0);
            if (plan.until() != null && from.atZone(zone).toLocalDate().isAfter(plan.until())) return null;
        }
        return null;
    }
}
