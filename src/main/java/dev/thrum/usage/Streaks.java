package dev.thrum.usage;

import java.time.LocalDate;
import java.util.NavigableSet;

/**
 * Runs of consecutive active days.
 *
 * @param longestDays   length of the longest run (0 without any active day)
 * @param longestFrom   first day of the longest run (the latest one if several are as long)
 * @param latestDays    length of the run that ends on the last active day
 * @param latestUntil   the last active day
 */
public record Streaks(int activeDays, int longestDays, LocalDate longestFrom, int latestDays, LocalDate latestUntil) {

    public static Streaks of(NavigableSet<LocalDate> days) {
        if (days.isEmpty()) return new Streaks(0, 0, null, 0, null);
        int best = 0, run = 0;
        LocalDate bestFrom = null, runFrom = null, prev = null;
        for (LocalDate d : days) {
            if (prev != null && prev.plusDays(1).equals(d)) {
                run++;
            } else {
                run = 1;
                runFrom = d;
            }
            if (run >= best) {
                best = run;
                bestFrom = runFrom;
            }
            prev = d;
        }
        return new Streaks(days.size(), best, bestFrom, run, prev);
    }

    public LocalDate longestUntil() {
        return longestFrom == null ? null : longestFrom.plusDays(longestDays - 1L);
    }
}
