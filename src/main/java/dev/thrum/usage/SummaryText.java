package dev.thrum.usage;

import dev.thrum.engine.Outcome;
import dev.thrum.program.Side;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes a {@link Summary} as plain text tables for {@code thrum log summary}. */
public final class SummaryText {
    public enum By { REGION, WEEK, DAY, PROGRAM, CLIENT }

    private SummaryText() {}

    /**
     * @param target    sessions a week to measure adherence against, or null for none
     * @param firstWeek Monday of the first week adherence covers (null: the first active week)
     * @param lastWeek  Monday of the last week adherence covers (null: the last active week)
     */
    public static void write(Summary s, By by, Integer target, LocalDate firstWeek, LocalDate lastWeek, PrintWriter out) {
        if (s.sessions() == 0) {
            out.println("No sessions match.");
            return;
        }
        out.printf(Locale.ROOT, "Sessions %d, treatment %s min, paused %s min%n", s.sessions(),
                min(s.treatmentSeconds()), min(s.pausedSeconds()));
        List<String> outcomes = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            Long n = s.outcomes().get(o);
            if (n != null) outcomes.add(o.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + n);
        }
        out.println("Outcomes: " + String.join(", ", outcomes));
        out.println();
        switch (by) {
            case REGION -> regions(s, out);
            case WEEK -> weeks(s.weeks(), target, out);
            case DAY -> {
                out.printf(Locale.ROOT, "%-12s %9s %9s%n", "day", "sessions", "minutes");
                s.days().forEach((d, t) -> out.printf(Locale.ROOT, "%-12s %9d %9s%n", d, t.sessions(), min(t.seconds())));
            }
            case PROGRAM -> named("program", s.programs(), out);
            case CLIENT -> named("client", s.clients(), out);
        }
        out.println();
        Streaks st = Streaks.of(s.days().navigableKeySet());
        if (st.activeDays() > 0) {
            out.printf(Locale.ROOT, "Active days %d; longest streak %d day%s (%s .. %s); latest streak %d day%s (ending %s)%n",
                    st.activeDays(), st.longestDays(), plural(st.longestDays()), st.longestFrom(), st.longestUntil(),
                    st.latestDays(), plural(st.latestDays()), st.latestUntil());
        }
        if (target != null) {
            TreeMap<LocalDate, Summary.Tally> weeks = s.weeks();
            LocalDate first = firstWeek != null ? firstWeek : weeks.isEmpty() ? null : weeks.firstKey();
            LocalDate last = lastWeek != null ? lastWeek : weeks.isEmpty() ? null : weeks.lastKey();
            Adherence a = Adherence.of(weeks, target, first, last);
            out.printf(Locale.ROOT, "Adherence (target %d session%s a week): %.0f%% over %d week%s; on target in %d of them%n",
                    target, plural(target), a.percent(), a.weeks().size(), plural(a.weeks().size()), a.weeksOnTarget());
        }
    }

    private static void regions(Summary s, PrintWriter out) {
        out.printf(Locale.ROOT, "%-20s %-6s %9s %9s%n", "region", "side", "minutes", "sessions");
        new TreeMap<>(s.regions()).forEach((region, bySide) -> {
            for (Side side : Side.values()) {
                Summary.Tally t = bySide[side.ordinal()];
                if (t != null) out.printf(Locale.ROOT, "%-20s %-6s %9s %9d%n", region,
                        side == Side.NONE ? "-" : side.name().toLowerCase(Locale.ROOT), min(t.seconds()), t.sessions());
            }
        });
    }

    private static void weeks(TreeMap<LocalDate, Summary.Tally> weeks, Integer target, PrintWriter out) {
        out.printf(Locale.ROOT, "%-9s %-12s %9s %9s%s%n", "week", "from", "sessions", "minutes", target == null ? "" : "  target");
        weeks.forEach((monday, t) -> out.printf(Locale.ROOT, "%-9s %-12s %9d %9s%s%n", isoWeek(monday), monday,
                t.sessions(), min(t.seconds()), target == null ? "" : t.sessions() >= target ? "  met" : "  missed"));
    }

    private static void named(String what, Map<String, Summary.Tally> tallies, PrintWriter out) {
        out.printf(Locale.ROOT, "%-24s %9s %9s%n", what, "sessions", "minutes");
        new TreeMap<>(tallies).forEach((name, t) ->
                out.printf(Locale.ROOT, "%-24s %9d %9s%n", name, t.sessions(), min(t.seconds())));
    }

    public static String isoWeek(LocalDate monday) {
        return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    static String min(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds / 60.0);
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
