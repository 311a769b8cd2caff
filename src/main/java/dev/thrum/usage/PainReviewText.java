package dev.thrum.usage;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** {@code thrum log outcomes} in words: per session, per week with the trend, per program and per region. */
public final class PainReviewText {
    private PainReviewText() {}

    public static void write(PainReview review, PrintWriter out) {
        if (review.sessions().isEmpty()) {
            out.println("No pain scores in these sessions. Give them with 'thrum run --pain-before N --pain-after N',"
                    + " or answer the questions before and after a session on a terminal.");
            return;
        }
        out.println("Pain before and after each session (0 none .. 10 worst):");
        out.printf(Locale.ROOT, "  %-10s  %-24s  %6s  %5s  %6s  %s%n", "day", "program", "before", "after", "change", "where / note");
        for (PainReview.Scored s : review.sessions()) {
            String where = String.join(",", s.painRegions()) + (s.note() == null ? "" : (s.painRegions().isEmpty() ? "" : " ") + "\"" + s.note() + "\"");
            out.printf(Locale.ROOT, "  %-10s  %-24s  %6s  %5s  %6s  %s%n", s.day(), safe(s.programId()), n(s.before()), n(s.after()),
                    signed(s.change()), safe(where));
        }
        out.println();
        out.println("Weekly means:");
        for (PainReview.Week w : review.weeks()) {
            out.printf(Locale.ROOT, "  week of %s  before %s (%d)  after %s (%d)%n", w.monday(), mean(w.before()), w.before().count(),
                    mean(w.after()), w.after().count());
        }
        Double trend = review.trendPerWeek();
        out.println(trend == null ? "Trend: needs scores before sessions in at least two weeks."
                : String.format(Locale.ROOT, "Trend of the pain before sessions: %+.2f points per week (%s)", trend,
                        trend < -0.05 ? "going down" : trend > 0.05 ? "going up" : "about level"));
        out.println();
        table("Average change per program (after minus before; negative is less pain):", review.byProgram(), out);
        table("Average change per region treated:", review.byRegion(), out);
    }

    private static void table(String title, Map<String, PainReview.Mean> rows, PrintWriter out) {
        out.println(title);
        if (rows.isEmpty()) out.println("  (no session with both scores)");
        rows.forEach((k, m) -> out.printf(Locale.ROOT, "  %-24s %+.2f over %d session%s%n", safe(k), m.mean(), m.count(), m.count() == 1 ? "" : "s"));
    }

    static String mean(PainReview.Mean m) {
        return m.count() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", m.mean());
    }

    private static String n(Integer v) { return v == null ? "-" : v.toString(); }

    private static String signed(Integer v) { return v == null ? "-" : String.format(Locale.ROOT, "%+d", v); }

    private static String safe(String s) { return dev.thrum.text.TerminalText.safe(s == null ? "-" : s); }
}
