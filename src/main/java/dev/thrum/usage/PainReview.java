package dev.thrum.usage;

import dev.thrum.engine.StepReport;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Whether the treatment helps: pain before and after each session that has scores, the weekly means
 * and their trend, and the average change per program and per region treated. Sessions without any
 * score are left out; a change needs both scores. Fed record by record like {@link Summary}.
 */
public final class PainReview implements Consumer<SessionRecord> {
    private final ZoneId zone;
    private final List<Scored> sessions = new ArrayList<>();
    private final TreeMap<LocalDate, Mean[]> weeks = new TreeMap<>();
    private final TreeMap<String, Mean> byProgram = new TreeMap<>();
    private final TreeMap<String, Mean> byRegion = new TreeMap<>();

    /** One session with scores. @param change after minus before, null without both */
    public record Scored(String sessionId, LocalDate day, String programId, String client, Integer before, Integer after,
                         Integer change, List<String> painRegions, String note) {}

    /** A running mean. */
    public static final class Mean {
        long n;
        double sum;

        void add(double v) { n++; sum += v; }

        public long count() { return n; }

        public double mean() { return n == 0 ? Double.NaN : sum / n; }
    }

    /** One week (by its Monday): mean pain before and after, over the sessions that have each. */
    public record Week(LocalDate monday, Mean before, Mean after) {}

    public PainReview(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void accept(SessionRecord r) {
        PainScores p = r.pain();
        if (p.before() == null && p.after() == null && p.note() == null) return;
        LocalDate day = r.startedAt().atZone(zone).toLocalDate();
        sessions.add(new Scored(r.id(), day, r.programId(), r.clientName(), p.before(), p.after(), p.change(), p.regions(), p.note()));
        Mean[] w = weeks.computeIfAbsent(Summary.weekOf(day), k -> new Mean[] {new Mean(), new Mean()});
        if (p.before() != null) w[0].add(p.before());
        if (p.after() != null) w[1].add(p.after());
        Integer change = p.change();
        if (change == null) return;
        byProgram.computeIfAbsent(r.programId() == null ? "?" : r.programId(), k -> new Mean()).add(change);
        Set<String> treated = new LinkedHashSet<>();
        for (StepReport s : r.steps()) if (!s.rest() && s.actualSeconds() > 0 && s.regionId() != null) treated.add(s.regionId());
        for (String region : treated) byRegion.computeIfAbsent(region, k -> new Mean()).add(change);
    }

    public List<Scored> sessions() { return List.copyOf(sessions); }

    public List<Week> weeks() {
        List<Week> out = new ArrayList<>();
        weeks.forEach((monday, m) -> out.add(new Week(monday, m[0], m[1])));
        return out;
    }

    /** Average change (after minus before) per program id. */
    public Map<String, Mean> byProgram() { return byProgram; }

    /** Average change per region treated in the session (a session counts once for each region it treated). */
    public Map<String, Mean> byRegion() { return byRegion; }

    /**
     * The trend of the pain before sessions over the weeks: the least-squares slope of the weekly means,
     * in points per week (negative: the pain people start with is going down). Null with fewer than two weeks.
     */
    public Double trendPerWeek() {
        List<double[]> points = new ArrayList<>();
        LocalDate first = weeks.isEmpty() ? null : weeks.firstKey();
        weeks.forEach((monday, m) -> {
            if (m[0].count() > 0) points.add(new double[] {java.time.temporal.ChronoUnit.WEEKS.between(first, monday), m[0].mean()});
        });
        return WeeklyTrend.slope(points);
    }
}
