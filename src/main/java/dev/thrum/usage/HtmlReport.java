package dev.thrum.usage;

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
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gathers sessions and writes one self-contained HTML page, laid out to print on paper too, that
 * fetches nothing: inline CSS, and the charts drawn by the web app's own chart code inlined with
 * their figures ({@link ReportCharts}): minutes per region per week, a calendar of active days, and
 * sessions per week against the weekly target; with force readings, pressure adherence per region and
 * too soft / too hard per week. Then the tables: minutes per region and side, the
 * newest sessions with their outcomes, pain before and after.
 */
public final class HtmlReport implements Consumer<SessionRecord> {
    /** Charts show at most this many weeks (the latest); the tables cover the whole range. */
    public static final int MAX_WEEKS = 53;
    /** The sessions table lists at most this many (the newest). */
    public static final int MAX_LISTED = 200;

    private final Summary summary;
    private final Map<LocalDate, Map<String, Double>> regionWeeks = new TreeMap<>();

    private final PainReview pain;
    private final PressureReview pressure;
    private final Function<String, String> regionName;
    // the newest sessions for the table, oldest at the head so it is the one dropped
    private final PriorityQueue<SessionRecord> newest = new PriorityQueue<>(Comparator.comparing(SessionRecord::startedAt));

    public HtmlReport(Summary summary) { this(summary, id -> id); }

    /** @param regionName a region's name for its id ("Calves" for calves), as the catalogue has it */
    public HtmlReport(Summary summary, Function<String, String> regionName) {
        this.summary = summary;
        this.pain = new PainReview(summary.zone());
        this.pressure = new PressureReview(summary.zone());
        this.regionName = regionName;
    }

    @Override
    public void accept(SessionRecord r) {
        summary.accept(r);
        newest.add(r);
        if (newest.size() > MAX_LISTED) newest.poll();
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
        out.println("<style>" + CSS + ReportCharts.css() + "</style></head><body>");
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
        // each chart carries its own title
        out.println("<section><div id=\"chart-regions\" class=\"chart-box\"></div></section>");
        out.println("<section><div id=\"chart-calendar\" class=\"chart-box\"></div></section>");
        out.println("<section><div id=\"chart-weeks\" class=\"chart-box\"></div>");
        if (target != null && first != null) {
            Adherence a = Adherence.of(weeksMap, target, first, last);
            out.printf(Locale.ROOT, "<p>Adherence: <b>%.0f%%</b> of the target over %d weeks; the target was met in %d of them.</p>%n",
                    a.percent(), a.weeks().size(), a.weeksOnTarget());
        }
        out.println("<noscript><p>The charts need JavaScript; the tables below have the same figures.</p></noscript></section>");
        out.println("<section class=\"break\"><h2>Minutes per region and side</h2>");
        regionTable(out);
        out.println("</section>");
        sessionTable(out);
        if (!pain.sessions().isEmpty()) painSection(out);
        if (!pressure.isEmpty()) pressureSection(out);
        out.print(ReportCharts.scripts(chartData(shown, weeksMap, target)));
        out.println("</body></html>");
    }

    /** The figures charts.js draws: region names (not ids) and every shown week, empty ones included. */
    private ObjectNode chartData(List<LocalDate> weeks, Map<LocalDate, Summary.Tally> weeksMap, Integer target) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (target == null) data.putNull("target");
        else data.put("target", target);
        ArrayNode regionsByWeek = data.putArray("regionWeeks");
        ArrayNode sessions = data.putArray("weeks");
        for (LocalDate w : weeks) {
            ObjectNode minutes = regionsByWeek.addObject().put("week", w.toString()).putObject("minutes");
            regionWeeks.getOrDefault(w, Map.of()).forEach((id, seconds) -> minutes.put(regionName.apply(id), seconds / 60.0));
            Summary.Tally t = weeksMap.get(w);
            sessions.addObject().put("week", w.toString()).put("sessions", t == null ? 0 : t.sessions());
        }
        if (!pressure.isEmpty()) data.set("pressure", PressureChartData.of(pressure, weeks, regionName));
        ArrayNode days = data.putArray("days");
        if (!weeks.isEmpty()) {
            summary.days().subMap(weeks.get(0), true, weeks.get(weeks.size() - 1).plusDays(6), true).forEach((day, t) ->
                    days.addObject().put("day", day.toString()).put("sessions", t.sessions()).put("minutes", t.minutes()));
        }
        return data;
    }

    /** The newest sessions with their outcomes. */
    private void sessionTable(PrintWriter out) {
        List<SessionRecord> list = new ArrayList<>(newest);
        list.sort(Comparator.comparing(SessionRecord::startedAt).reversed());
        out.println("<section class=\"break\"><h2>Sessions" + (summary.sessions() > list.size()
                ? " (the newest " + list.size() + " of " + summary.sessions() + ")" : "") + "</h2>");
        out.println("<table><thead><tr><th>Day</th><th>Program</th><th>Client</th><th>Outcome</th><th class=\"num\">Active min</th>"
                + "<th>Warnings</th></tr></thead><tbody>");
        for (SessionRecord r : list) {
            out.printf(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"num\">%s</td><td>%s</td></tr>%n",
                    summary.day(r), esc(r.programName() != null ? r.programName() : r.programId()), esc(r.clientName()),
                    r.outcome() == null ? "" : r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    SummaryText.min(r.activeSeconds()), esc(String.join("; ", r.warnings())));
        }
        out.println("</tbody></table></section>");
    }

    /** Pressure adherence per region and week, with the trend of the in-band share. */
    private void pressureSection(PrintWriter out) {
        out.println("<section class=\"break\"><h2>Pressure: how evenly it was pressed</h2>");
        out.println("<div id=\"chart-pressure-regions\" class=\"chart-box\"></div><div id=\"chart-pressure-weeks\" class=\"chart-box\"></div>");
        Double trend = pressure.trendPerWeek();
        out.println("<p>" + (trend == null ? "The trend needs force readings in at least two weeks."
                : String.format(Locale.ROOT, "In-band share: %+.1f points per week", trend * 100)) + "</p>");
        out.println("<table><tr><th>Region</th><th>Below</th><th>In band</th><th>Above</th><th>In band</th><th>Too much</th></tr>");
        pressure.byRegion().forEach((region, t) -> out.println("<tr><td>" + esc(regionName.apply(region)) + "</td><td>" + Math.round(t.below())
                + " s</td><td>" + Math.round(t.in()) + " s</td><td>" + Math.round(t.above()) + " s</td><td>"
                + PressureReviewText.percent(t.inShare()) + "</td><td>" + t.episodes() + "</td></tr>"));
        out.println("</table><table><tr><th>Week of</th><th>In band</th><th>Too soft</th><th>Too hard</th><th>Measured</th><th>Too much</th></tr>");
        pressure.byWeek().forEach((monday, t) -> out.println("<tr><td>" + monday + "</td><td>" + PressureReviewText.percent(t.inShare())
                + "</td><td>" + PressureReviewText.percent(PressureReviewText.share(t.below(), t)) + "</td><td>"
                + PressureReviewText.percent(PressureReviewText.share(t.above(), t)) + "</td><td>" + Math.round(t.measured())
                + " s</td><td>" + t.episodes() + "</td></tr>"));
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

    private void regionTable(PrintWriter out) {
        out.println("<table><thead><tr><th>Region</th><th>Side</th><th class=\"num\">Minutes</th><th class=\"num\">Sessions</th></tr></thead><tbody>");
        new TreeMap<>(summary.regions()).forEach((region, bySide) -> {
            for (Side side : Side.values()) {
                Summary.Tally t = bySide[side.ordinal()];
                if (t != null) out.printf(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%d</td></tr>%n",
                        esc(regionName.apply(region)), side == Side.NONE ? "&ndash;" : side.name().toLowerCase(Locale.ROOT),
                        SummaryText.min(t.seconds()), t.sessions());
            }
        });
        out.println("</tbody></table>");
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
