package dev.thrum.usage;

import dev.thrum.engine.StepReport;
import dev.thrum.engine.pressure.PressureStats;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Pressure adherence: per region, the seconds the person pressed below, in and above the band each
 * step asked for and the "too much pressure" episodes; per week, the share of measured time in the
 * band, and its trend: does the person press more evenly over time? Only steps of devices that
 * report force count (time without a reading is left out, never counted as in the band).
 */
public final class PressureReview implements Consumer<SessionRecord> {

    /** Seconds below, in and above the band, and episodes, for one region or one week. */
    public static final class Tally {
        double below, in, above;
        int episodes;
        int steps;

        void add(PressureStats s) {
            below += s.secondsBelow();
            in += s.secondsIn();
            above += s.secondsAbove();
            episodes += s.tooMuchEpisodes();
            steps++;
        }

        public double below() { return below; }

        public double in() { return in; }

        public double above() { return above; }

        public int episodes() { return episodes; }

        public int steps() { return steps; }

        public double measured() { return below + in + above; }

        /** Share of the measured time in the band, 0..1; NaN when nothing was measured. */
        public double inShare() { return measured() <= 0 ? Double.NaN : in / measured(); }
    }

    private final ZoneId zone;
    private final TreeMap<String, Tally> byRegion = new TreeMap<>();
    private final TreeMap<LocalDate, Tally> byWeek = new TreeMap<>();

    public PressureReview(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void accept(SessionRecord r) {
        LocalDate monday = null;
        for (StepReport s : r.steps()) {
            if (s.rest() || s.pressure() == null || s.pressure().stats() == null) continue;
            if (monday == null) monday = Summary.weekOf(r.startedAt().atZone(zone).toLocalDate());
            PressureStats stats = s.pressure().stats();
            byRegion.computeIfAbsent(s.regionId() == null ? "?" : s.regionId(), k -> new Tally()).add(stats);
            byWeek.computeIfAbsent(monday, k -> new Tally()).add(stats);
        }
    }

    public boolean isEmpty() { return byRegion.isEmpty(); }

    public Map<String, Tally> byRegion() { return byRegion; }

    public Map<LocalDate, Tally> byWeek() { return byWeek; }

    /** Change of the in-band share per week (least squares over weeks with measured time); null with fewer than two. */
    public Double trendPerWeek() {
        List<double[]> points = new ArrayList<>();
        LocalDate first = byWeek.isEmpty() ? null : byWeek.firstKey();
        byWeek.forEach((monday, t) -> {
            if (t.measured() > 0) points.add(new double[] {ChronoUnit.WEEKS.between(first, monday), t.inShare()});
        });
        return WeeklyTrend.slope(points);
    }
}
