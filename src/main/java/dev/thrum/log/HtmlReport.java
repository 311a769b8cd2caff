package dev.thrum.log;

import dev.thrum.engine.StepReport;
import dev.thrum.program.Side;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Gathers sessions and writes one self-contained HTML page: inline CSS and inline SVG charts, no
 * scripts and nothing fetched from the network, laid out to print on paper too. Charts: minutes per
 * region per week, a calendar of active days, and sessions per week against the weekly target.
 */
public final class HtmlReport implements Consumer<SessionRecord> {
    /** Charts show at most this many weeks (the latest); the tables cover the whole range. */
    public static final int MAX_WEEKS = 53;
    private static final int TOP_REGIONS = 8;
    // Okabe-Ito colours: distinguishable with the common colour-vision deficiencies, and in grey print.
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000", "#999999"};

    private final Summary summary;
    private final Map<LocalDate, Map<String, Double>> regionWeeks = new TreeMap<>();

    private final PainReview pain;
    private final PressureReview pressure;

    public HtmlReport(Summary summary) {
        this.summary = summary;
        this.pain = new PainReview(summary.zone());
        this.pressure = new PressureReview(summary.zone());
    }

    @Override
    public void accept(SessionRecord r) {
        summary.accept(r);
        pain.accept(r);
        pressure.accept(r);
        Map<String, Double> week = null;
        for (StepReport s : r.steps()) {
            if (s.rest() || s.actualSeconds() <= 0) continue;
            if (week == null) week = regionWeeks.computeIfAbsent(Summary.weekOf(summary.day(r)), k -> new HashMap<>());
            week.merge(s.regionId() == null ? "?" : s.regionId(), s.actualSeconds(), Double::sum);
        }
    }

    /**
     * @param title      heading, for example "Usage report: Ana"
     * @param scope      one line saying which sessions are included
     * @param target     weekly session target, or null
     * @param firstWeek  Monday of the first week to show (null: first active week)
     * @param lastWeek   Monday of the last week to show (null: last active week)
     */
    public void write(PrintWriter out, String title, String scope, Integer target, LocalDate firstWeek,
                      LocalDate lastWeek, String generated) {
        TreeMap<LocalDate, Summary.Tally> weeksMap = summary.weeks();
        LocalDate first = firstWeek != null ? firstWeek : weeksMap.isEmpty() ? null : weeksMap.firstKey();
        LocalDate last = lastWeek != null ? lastWeek : weeksMap.isEmpty() ? null : weeksMap.lastKey();
        List<LocalDate> weeks = new ArrayList<>();
        if (first != null) for (LocalDate w = first; !w.isAfter(last); w = w.plusWeeks(1)) weeks.add(w);
        boolean cut = weeks.size() > MAX_WEEKS;
        List<LocalDate> shown = cut ? weeks.subList(weeks.size() - MAX_WEEKS, weeks.size()) : weeks;

        out.println("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        out.println("<title>" + esc(title) + "</title>");
        out.println("<style>" + CSS + "</style></head><body>");
        out.println("<h1>" + esc(title) + "</h1>");
        out.println("<p class=\"scope\">" + esc(scope) + " &middot; generated " + esc(generated) + "</p>");
        out.printf(Locale.ROOT, "<ul class=\"totals\"><li><b>%d</b> sessions</li><li><b>%s</b> minutes of treatment</li>"
                        + "<li><b>%d</b> active days</li>%s</ul>%n", summary.sessions(),
                SummaryText.min(summary.treatmentSeconds()), summary.days().size(), streakItem());
        if (cut) {
            out.println("<p class=\"note\">The charts show the latest " + MAX_WEEKS + " of " + weeks.size()
                    + " weeks; use --since and --until to choose a period.</p>");
        }
        if (summary.sessions() == 0) {
            out.println("<p>No sessions match.</p></body></html>");
            return;
        }
        out.println("<section><h2>Minutes per region per week</h2>");
        regionChart(out, shown);
        out.println("</section><section><h2>Active days</h2>");
        calendar(out, shown);
        out.println("</section><section><h2>Sessions per week" + (target == null ? "" : " against the target of "
                + target + "") + "</h2>");
        adherence(out, shown, weeksMap, target, first, last);
        out.println("</section><section class=\"break\"><h2>Minutes per region and side</h2>");
        regionTable(out);
        out.println("</section>");
        if (!pain.sessions().isEmpty()) painSection(out);
        if (!pressure.isEmpty()) pressureSection(out);
        out.println("</body></html>");
    }

    /** Pressure adherence per region and week, with the trend of the in-band share. */
    private void pressureSection(PrintWriter out) {
        out.println("<section class=\"break\"><h2>Pressure: how evenly it was pressed</h2>");
        Double trend = pressure.trendPerWeek();
        out.println("<p>" + (trend == null ? "The trend needs force readings in at least two weeks."
                : String.format(Locale.ROOT, "In-band share: %+.1f points per week", trend * 100)) + "</p>");
        out.println("<table><tr><th>Region</th><th>Below</th><th>In band</th><th>Above</th><th>In band</th><th>Too much</th></tr>");
        pressure.byRegion().forEach((region, t) -> out.println("<tr><td>" + esc(region) + "</td><td>" + Math.round(t.below())
                + " s</td><td>" + Math.round(t.in()) + " s</td><td>" + Math.round(t.above()) + " s</td><td>"
                + PressureReviewText.percent(t.inShare()) + "</td><td>" + t.episodes() + "</td></tr>"));
        out.println("</table><table><tr><th>Week of</th><th>In band</th><th>Measured</th><th>Too much</th></tr>");
        pressure.byWeek().forEach((monday, t) -> out.println("<tr><td>" + monday + "</td><td>" + PressureReviewText.percent(t.inShare())
                + "</td><td>" + Math.round(t.measured()) + " s</td><td>" + t.episodes() + "</td></tr>"));
        out.println("</table></section>");
    }

    /** Pain before and after: the weekly means with the trend, and the average change per program and region. */
    private void painSection(PrintWriter out) {
        out.println("<section class=\"break\"><h2>Pain before and after (0 none .. 10 worst)</h2>");
        Double trend = pain.trendPerWeek();
        out.println("<p class=\"trend\">" + (trend == null ? "Trend: needs scores before sessions in at least two weeks."
                : String.format(Locale.ROOT, "Trend of the pain before sessions: %+.2f points per week", trend)) + "</p>");
        out.println("<table><thead><tr><th>week of</th><th>mean before</th><th>mean after</th><th>sessions</th></tr></thead><tbody>");
        for (PainReview.Week w : pain.weeks()) {
            out.println("<tr><td>" + w.monday() + "</td><td>" + PainReviewText.mean(w.before()) + "</td><td>"
                    + PainReviewText.mean(w.after()) + "</td><td>" + Math.max(w.before().count(), w.after().count()) + "</td></tr>");
        }
        out.println("</tbody></table>");
        changeTable(out, "program", pain.byProgram());
        changeTable(out, "region treated", pain.byRegion());
        out.println("</section>");
    }

    private static void changeTable(PrintWriter out, String what, Map<String, PainReview.Mean> rows) {
        out.println("<table class=\"change\"><thead><tr><th>" + esc(what) + "</th><th>average change</th><th>sessions</th></tr></thead><tbody>");
        rows.forEach((k, m) -> out.println("<tr><td>" + esc(k) + "</td><td>" + String.format(Locale.ROOT, "%+.2f", m.mean())
                + "</td><td>" + m.count() + "</td></tr>"));
        out.println("</tbody></table>");
    }

    private String streakItem() {
        Streaks s = Streaks.of(summary.days().navigableKeySet());
        return s.activeDays() == 0 ? "" : "<li>longest streak <b>" + s.longestDays() + "</b> days</li>";
    }

    private List<String> topRegions() {
        Map<String, Double> total = new HashMap<>();
        regionWeeks.values().forEach(m -> m.forEach((k, v) -> total.merge(k, v, Double::sum)));
        List<String> names = new ArrayList<>(total.keySet());
        names.sort(Comparator.comparing((String k) -> -total.get(k)).thenComparing(k -> k));
        if (names.size() > TOP_REGIONS) {
            names = new ArrayList<>(names.subList(0, TOP_REGIONS));
            names.add("other");
        }
        return names;
    }

    private void regionChart(PrintWriter out, List<LocalDate> weeks) {
        List<String> regions = topRegions();
        int n = weeks.size();
        double[][] minutes = new double[n][regions.size()];
        double max = 0;
        for (int i = 0; i < n; i++) {
            Map<String, Double> week = regionWeeks.getOrDefault(weeks.get(i), Map.of());
            double sum = 0;
            for (Map.Entry<String, Double> e : week.entrySet()) {
                int k = regions.indexOf(e.getKey());
                if (k < 0) k = regions.size() - 1; // "other"
                minutes[i][k] += e.getValue() / 60.0;
                sum += e.getValue() / 60.0;
            }
            max = Math.max(max, sum);
        }
        double top = niceCeiling(max);
        int left = 44, bottom = 36, h = 220, bw = Math.max(6, Math.min(28, 900 / Math.max(1, n)));
        int w = left + n * bw + 10;
        out.printf(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"minutes per region per week\">%n",
                w, h + bottom + 10, w, h + bottom + 10);
        axis(out, left, h, w, top, "min");
        for (int i = 0; i < n; i++) {
            double y = h + 10;
            for (int k = 0; k < regions.size(); k++) {
                double m = minutes[i][k];
                if (m <= 0) continue;
                double bh = m / top * h;
                y -= bh;
                out.printf(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s, week of %s: %.1f min</title></rect>%n",
                        left + i * bw + 1, y, bw - 2, bh, COLOURS[k % COLOURS.length], esc(regions.get(k)), weeks.get(i), m);
            }
        }
        weekLabels(out, weeks, left, bw, h + 10);
        out.println("</svg>");
        out.println("<ul class=\"legend\">");
        for (int k = 0; k < regions.size(); k++) {
            out.printf("<li><span style=\"background:%s\"></span>%s</li>%n", COLOURS[k % COLOURS.length], esc(regions.get(k)));
        }
        out.println("</ul>");
    }

    private void calendar(PrintWriter out, List<LocalDate> weeks) {
        int cell = 13, left = 30, topPad = 4;
        int w = left + weeks.size() * cell + 10, h = topPad + 7 * cell + 24;
        out.printf(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"calendar of active days\">%n", w, h, w, h);
        String[] names = {"Mon", "", "Wed", "", "Fri", "", "Sun"};
        for (int d = 0; d < 7; d++) {
            if (!names[d].isEmpty()) out.printf("<text x=\"0\" y=\"%d\" class=\"lbl\">%s</text>%n", topPad + d * cell + 10, names[d]);
        }
        for (int i = 0; i < weeks.size(); i++) {
            for (int d = 0; d < 7; d++) {
                LocalDate day = weeks.get(i).plusDays(d);
                Summary.Tally t = summary.days().get(day);
                double m = t == null ? 0 : t.minutes();
                String fill = m <= 0 ? "#ebedf0" : m < 10 ? "#c6e48b" : m < 20 ? "#7bc96f" : m < 40 ? "#239a3b" : "#196127";
                out.printf(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>%n",
                        left + i * cell, topPad + d * cell, cell - 2, cell - 2, fill, day,
                        t == null ? "no session" : t.sessions() + " session" + (t.sessions() == 1 ? "" : "s") + ", "
                                + SummaryText.min(t.seconds()) + " min");
            }
        }
        weekLabels(out, weeks, left, cell, topPad + 7 * cell);
        out.println("</svg>");
        out.println("<ul class=\"legend\"><li><span style=\"background:#ebedf0\"></span>none</li>"
                + "<li><span style=\"background:#c6e48b\"></span>under 10 min</li><li><span style=\"background:#7bc96f\"></span>10-20</li>"
                + "<li><span style=\"background:#239a3b\"></span>20-40</li><li><span style=\"background:#196127\"></span>40 min or more</li></ul>");
    }

    private void adherence(PrintWriter out, List<LocalDate> weeks, Map<LocalDate, Summary.Tally> weeksMap, Integer target,
                           LocalDate first, LocalDate last) {
        long maxSessions = target == null ? 1 : target;
        for (LocalDate w : weeks) {
            Summary.Tally t = weeksMap.get(w);
            if (t != null) maxSessions = Math.max(maxSessions, t.sessions());
        }
        double top = niceCeiling(maxSessions);
        int left = 44, bottom = 36, h = 160, step = Math.max(6, Math.min(28, 900 / Math.max(1, weeks.size())));
        int w = left + weeks.size() * step + 10;
        out.printf(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"sessions per week\">%n",
                w, h + bottom + 10, w, h + bottom + 10);
        axis(out, left, h, w, top, "");
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < weeks.size(); i++) {
            Summary.Tally t = weeksMap.get(weeks.get(i));
            long n = t == null ? 0 : t.sessions();
            double x = left + i * step + step / 2.0, y = 10 + h - n / top * h;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" class=\"%s\"><title>week of %s: %d session%s</title></circle>%n",
                    x, y, target != null && n >= target ? "met" : "dot", weeks.get(i), n, n == 1 ? "" : "s"));
        }
        out.println("<polyline class=\"line\" points=\"" + points.toString().trim() + "\"/>");
        if (target != null) {
            double y = 10 + h - target / top * h;
            out.printf(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"target\"/>%n", left, w - 10, y, y);
            out.printf(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"lbl\" text-anchor=\"end\">target %d</text>%n", w - 10, y - 4, target);
        }
        out.print(dots);
        weekLabels(out, weeks, left, step, h + 10);
        out.println("</svg>");
        if (target != null && first != null) {
            Adherence a = Adherence.of(weeksMap, target, first, last);
            out.printf(Locale.ROOT, "<p>Adherence: <b>%.0f%%</b> of the target over %d weeks; the target was met in %d of them.</p>%n",
                    a.percent(), a.weeks().size(), a.weeksOnTarget());
        }
    }

    private void regionTable(PrintWriter out) {
        out.println("<table><thead><tr><th>Region</th><th>Side</th><th class=\"num\">Minutes</th><th class=\"num\">Sessions</th></tr></thead><tbody>");
        new TreeMap<>(summary.regions()).forEach((region, bySide) -> {
            for (Side side : Side.values()) {
                Summary.Tally t = bySide[side.ordinal()];
                if (t != null) out.printf(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%d</td></tr>%n",
                        esc(region), side == Side.NONE ? "&ndash;" : side.name().toLowerCase(Locale.ROOT),
                        SummaryText.min(t.seconds()), t.sessions());
            }
        });
        out.println("</tbody></table>");
    }

    private static void axis(PrintWriter out, int left, int h, int w, double top, String unit) {
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = 10 + h - h * i / 4.0;
            out.printf(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>%n", left, w - 10, y, y);
            out.printf(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"lbl\" text-anchor=\"end\">%s%s</text>%n",
                    left - 4, y + 4, v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v),
                    i == 4 && !unit.isEmpty() ? " " + unit : "");
        }
    }

    /** "23 Nov 26": unambiguous in any country, unlike 26-11-23. */
    private static final java.time.format.DateTimeFormatter WEEK_LABEL =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yy", Locale.ENGLISH);

    private static void weekLabels(PrintWriter out, List<LocalDate> weeks, int left, int step, int y) {
        int every = Math.max(1, (int) Math.ceil(60.0 / step));
        for (int i = 0; i < weeks.size(); i += every) {
            out.printf(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"lbl\">%s</text>%n", left + i * step, y + 14,
                    WEEK_LABEL.format(weeks.get(i)));
        }
    }

    private static double niceCeiling(double v) {
        if (v <= 0) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * mag >= v) return m * mag;
        return 10 * mag;
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:2em auto;max-width:1000px;padding:0 1em}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.15em;margin:1.6em 0 .5em}
            .scope,.note{color:#555}.totals{display:flex;gap:2em;list-style:none;padding:0}
            .totals b{font-size:1.4em}svg{display:block;max-width:100%;height:auto;overflow:visible}
            .lbl{font-size:10px;fill:#555}.grid{stroke:#ddd;stroke-width:1}
            .line{fill:none;stroke:#0072B2;stroke-width:2}.target{stroke:#D55E00;stroke-width:1.5;stroke-dasharray:6 4}
            .dot{fill:#0072B2}.met{fill:#009E73}
            .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.2em;font-size:12px}
            .legend span{display:inline-block;width:.9em;height:.9em;margin-right:.35em;vertical-align:-1px;border:1px solid #0002}
            table{border-collapse:collapse}th,td{padding:.25em .8em;border-bottom:1px solid #ddd;text-align:left}
            .num{text-align:right;font-variant-numeric:tabular-nums}
            @media print{body{margin:0;max-width:none;font-size:11pt}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
            section{break-inside:avoid;page-break-inside:avoid}.break{break-before:auto}a{color:inherit}}
            """;
}
