package dev.thrum.usage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How well a weekly target (for example 5 sessions a week, set by a therapist) was kept.
 * Every week from {@code firstWeek} to {@code lastWeek} counts, including weeks with no session.
 * A session counts when it had any treatment time.
 *
 * @param percent share of the target reached, each week capped at the target (0..100)
 */
public record Adherence(int targetPerWeek, List<Week> weeks, int weeksOnTarget, double percent) {

    /** One week, keyed by its Monday. */
    public record Week(LocalDate monday, long sessions) {}

    public static Adherence of(Map<LocalDate, Summary.Tally> sessionsByWeek, int targetPerWeek,
                               LocalDate firstWeek, LocalDate lastWeek) {
        if (targetPerWeek < 1) throw new IllegalArgumentException("the weekly target must be at least 1");
        List<Week> weeks = new ArrayList<>();
        int onTarget = 0;
        double reached = 0;
        if (firstWeek != null) {
            for (LocalDate w = firstWeek; !w.isAfter(lastWeek); w = w.plusWeeks(1)) {
                Summary.Tally t = sessionsByWeek.get(w);
                long n = t == null ? 0 : t.sessions();
                weeks.add(new Week(w, n));
                if (n >= targetPerWeek) onTarget++;
                reached += Math.min(n, targetPerWeek);
            }
        }
        double percent = weeks.isEmpty() ? 0 : 100.0 * reached / ((double) targetPerWeek * weeks.size());
        return new Adherence(targetPerWeek, weeks, onTarget, percent);
    }
}
