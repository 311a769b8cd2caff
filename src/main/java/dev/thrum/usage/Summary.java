package dev.thrum.usage;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.program.Side;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Totals over a stream of sessions, gathered one record at a time so a log of any length is
 * summarised in memory that grows only with the number of distinct regions, programs, clients and
 * days, never with the number of records. Treatment time is the actual seconds of non-rest steps.
 */
public final class Summary implements Consumer<SessionRecord> {

    /** Seconds and session count for one key. */
    public static final class Tally {
        double seconds;
        long sessions;
        long lastSession = -1; // so a region treated twice in one session counts that session once

        public double seconds() { return seconds; }
        public double minutes() { return seconds / 60.0; }
        public long sessions() { return sessions; }
    }

    private final ZoneId zone;
    private final ZoneRules rules;
    private final ZoneOffset fixedOffset;
    private long sessions;
    private double activeSeconds, pausedSeconds, treatmentSeconds;
    private final EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final Map<String, Tally[]> regions = new HashMap<>();
    private final TreeMap<LocalDate, Tally> days = new TreeMap<>();
    private final Map<String, Tally> programs = new HashMap<>();
    private final Map<String, Tally> clients = new HashMap<>();

    public Summary(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
    }

    public ZoneId zone() { return zone; }

    @Override
    public void accept(SessionRecord r) {
        startSession(r.activeSeconds(), r.pausedSeconds(), r.outcome());
        double treated = 0;
        for (StepReport s : r.steps()) {
            if (s.rest()) continue;
            treated += step(s.regionId(), (s.side() == null ? Side.NONE : s.side()).ordinal(), s.actualSeconds());
        }
        endSession(treated, r.startedAt(), r.programId(), r.clientName());
    }

    /*
     * The three parts of taking one session, shared by accept and SummaryLineReader (which reads them
     * straight from a line's bytes) so both add the same numbers in the same order: equal totals to the bit.
     */

    void startSession(double active, double paused, Outcome outcome) {
        sessions++;
        activeSeconds += active;
        pausedSeconds += paused;
        if (outcome != null) outcomes.merge(outcome, 1L, Long::sum);
    }

    /** One treated (non-rest) step; returns its seconds for the session's running total. */
    double step(String regionId, int side, double actualSeconds) {
        Tally[] bySide = regions.computeIfAbsent(regionId == null ? "?" : regionId, k -> new Tally[3]);
        Tally t = bySide[side];
        if (t == null) t = bySide[side] = new Tally();
        t.seconds += actualSeconds;
        if (t.lastSession != sessions) {
            t.lastSession = sessions;
            t.sessions++;
        }
        return actualSeconds;
    }

    void endSession(double treated, Instant startedAt, String programId, String clientName) {
        treatmentSeconds += treated;
        // Days (and so weeks, streaks and adherence) count sessions that treated something.
        if (treated > 0) add(days.computeIfAbsent(day(startedAt), d -> new Tally()), treated);
        add(programs.computeIfAbsent(programId == null ? "?" : programId, k -> new Tally()), treated);
        add(clients.computeIfAbsent(clientName == null ? "?" : clientName, k -> new Tally()), treated);
    }

    /** Adds the totals of another summary over other records (a parallel read, {@link UnorderedLogRead}). */
    public void add(Summary other) {
        sessions += other.sessions;
        activeSeconds += other.activeSeconds;
        pausedSeconds += other.pausedSeconds;
        treatmentSeconds += other.treatmentSeconds;
        other.outcomes.forEach((o, n) -> outcomes.merge(o, n, Long::sum));
        other.regions.forEach((region, sides) -> {
            Tally[] mine = regions.computeIfAbsent(region, k -> new Tally[3]);
            for (int i = 0; i < sides.length; i++) {
                if (sides[i] == null) continue;
                if (mine[i] == null) mine[i] = new Tally();
                add(mine[i], sides[i]);
            }
        });
        other.days.forEach((d, t) -> add(days.computeIfAbsent(d, k -> new Tally()), t));
        other.programs.forEach((k, t) -> add(programs.computeIfAbsent(k, x -> new Tally()), t));
        other.clients.forEach((k, t) -> add(clients.computeIfAbsent(k, x -> new Tally()), t));
    }

    private static void add(Tally into, Tally t) {
        into.seconds += t.seconds;
        into.sessions += t.sessions;
    }

    private static void add(Tally t, double seconds) {
        t.seconds += seconds;
        t.sessions++;
    }

    /** The local day a session started on. */
    public LocalDate day(SessionRecord r) {
        return day(r.startedAt());
    }

    private LocalDate day(Instant startedAt) {
        ZoneOffset off = fixedOffset != null ? fixedOffset : rules.getOffset(startedAt);
        return LocalDate.ofEpochDay(Math.floorDiv(startedAt.getEpochSecond() + off.getTotalSeconds(), 86400));
    }

    public static LocalDate weekOf(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }

    public long sessions() { return sessions; }
    public double activeSeconds() { return activeSeconds; }
    public double pausedSeconds() { return pausedSeconds; }
    public double treatmentSeconds() { return treatmentSeconds; }
    public Map<Outcome, Long> outcomes() { return outcomes; }

    /** Per region, seconds by side (index {@link Side#ordinal()}; null where never treated). */
    public Map<String, Tally[]> regions() { return regions; }
    public TreeMap<LocalDate, Tally> days() { return days; }
    public Map<String, Tally> programs() { return programs; }
    public Map<String, Tally> clients() { return clients; }

    /** Sessions and seconds per ISO week, keyed by the week's Monday. */
    public TreeMap<LocalDate, Tally> weeks() {
        TreeMap<LocalDate, Tally> weeks = new TreeMap<>();
        days.forEach((d, t) -> {
            Tally w = weeks.computeIfAbsent(weekOf(d), k -> new Tally());
            w.seconds += t.seconds;
            w.sessions += t.sessions;
        });
        return weeks;
    }
}
