package dev.thrum.usage;

import dev.thrum.text.TerminalText;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** {@code thrum log pressure} in words: per region and per week, with the trend. */
public final class PressureReviewText {
    private PressureReviewText() {}

    public static void write(PressureReview review, PrintWriter out) {
        if (review.isEmpty()) {
            out.println("No force readings in these sessions: the device reports no force, or its profile does not say"
                    + " what its force figure means (see docs/pressure.md).");
            return;
        }
        out.println("Pressure per region (seconds below / in / above the band each step asked for):");
        out.printf(Locale.ROOT, "  %-22s %8s %8s %8s %8s %9s%n", "region", "below", "in band", "above", "in band", "too much");
        for (Map.Entry<String, PressureReview.Tally> e : review.byRegion().entrySet()) {
            PressureReview.Tally t = e.getValue();
            out.printf(Locale.ROOT, "  %-22s %7.0fs %7.0fs %7.0fs %7s %9d%n", TerminalText.safe(e.getKey()), t.below(), t.in(),
                    t.above(), percent(t.inShare()), t.episodes());
        }
        out.println();
        // a table, like the one above: one line per week fits an 80-column terminal
        out.println("Week by week (shares of the time with a force reading):");
        out.printf(Locale.ROOT, "  %-10s %9s %9s %8s %9s %9s%n", "week of", "measured", "too soft", "in band", "too hard", "too much");
        review.byWeek().forEach((monday, t) -> out.printf(Locale.ROOT, "  %-10s %7.0f s %9s %8s %9s %9d%n",
                monday, t.measured(), percent(share(t.below(), t)), percent(t.inShare()), percent(share(t.above(), t)),
                t.episodes()));
        Double trend = review.trendPerWeek();
        out.println(trend == null ? "Trend: needs force readings in at least two weeks."
                : String.format(Locale.ROOT, "Trend: %+.1f points of in-band share per week (%s)", trend * 100,
                        trend > 0.005 ? "pressing more evenly" : trend < -0.005 ? "pressing less evenly" : "about level"));
    }

    /** Seconds as a share of the measured time; NaN when nothing was measured (shown as "-"). */
    static double share(double seconds, PressureReview.Tally t) {
        return t.measured() <= 0 ? Double.NaN : seconds / t.measured();
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
