package dev.thrum.plan;

import dev.thrum.usage.SessionRecord;
import dev.thrum.program.Client;
import dev.thrum.program.Plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * How well a client kept to the plan from its first day to today: planned sessions that were due,
 * done and missed, and streaks of planned sessions done in a row (today's, still due, neither
 * breaks nor extends a streak). "N times a week" plans count their weekly target as due.
 */
public record PlanAdherence(int due, int done, int missed, int currentStreak, int longestStreak) {

    public static PlanAdherence of(Client client, ZoneId zone, LocalDate today, List<SessionRecord> sessions) {
        Plan plan = client.plan();
        if (plan == null) return new PlanAdherence(0, 0, 0, 0, 0);
        LocalDate last = plan.until() != null && plan.until().isBefore(today) ? plan.until() : today;
        int due = 0, done = 0, missed = 0, run = 0, best = 0;
        for (LocalDate d = plan.from(); !d.isAfter(last); d = d.plusDays(1)) {
            for (PlanProgress.Item i : PlanProgress.day(client, zone, d, today, sessions)) {
                if (plan.flexible()) {
                    // a week counts once, on its Sunday (or today for the running week)
                    if (d.getDayOfWeek() != java.time.DayOfWeek.SUNDAY && !d.equals(last)) continue;
                    int target = i.weekTarget(), got = Math.min(i.weekDone(), target);
                    due += target;
                    done += got;
                    boolean weekOver = d.getDayOfWeek() == java.time.DayOfWeek.SUNDAY && d.isBefore(today);
                    if (weekOver) missed += target - got;
                    if (got >= target) best = Math.max(best, ++run);
                    else if (weekOver) run = 0;
                    continue;
                }
                due++;
                switch (i.status()) {
                    case DONE -> { done++; best = Math.max(best, ++run); }
                    case MISSED -> { missed++; run = 0; }
                    default -> { }
                }
            }
        }
        return new PlanAdherence(due, done, missed, run, best);
    }
}
