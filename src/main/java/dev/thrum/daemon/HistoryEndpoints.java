package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.engine.StepReport;
import dev.thrum.engine.pressure.PressureStats;
import dev.thrum.usage.Adherence;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.PressureChartData;
import dev.thrum.usage.PressureReview;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.Summary;
import dev.thrum.program.Client;
import dev.thrum.program.Region;
import dev.thrum.program.RegionCatalogue;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The web history page's one request, {@code GET /log/history}: the filtered sessions (newest
 * first, each with its steps) and the figures of its charts, counted by the same {@link Summary}
 * and {@link Adherence} as {@code thrum log summary}, so the page and the CLI never disagree.
 * Region names come from the catalogue: a chart shows "Calves", not {@code calves}. The pressure
 * charts' figures come from the same {@link PressureReview} as {@code thrum log pressure}.
 */
final class HistoryEndpoints {
    /** The page lists at most this many sessions (the newest); the charts count them all. */
    static final int MAX_LISTED = 1000;

    private final LogEndpoints logs;
    private final LibraryEndpoints library;

    HistoryEndpoints(LogEndpoints logs, LibraryEndpoints library) {
        this.logs = logs;
        this.library = library;
    }

    void register(Router r) { r.add("GET", "/log/history", this::history); }

    private ApiResponse history(ApiRequest q) throws IOException {
        ZoneId zone = LogEndpoints.zone(q);
        Summary summary = new Summary(zone);
        PressureReview pressure = new PressureReview(zone);
        List<SessionRecord> sessions = new ArrayList<>();
        Map<LocalDate, Map<String, Double>> regionWeeks = new TreeMap<>();
        List<String> warnings = logs.read(q, r -> {
            summary.accept(r);
            pressure.accept(r);
            sessions.add(r);
            for (StepReport s : r.steps()) {
                if (s.rest() || s.actualSeconds() <= 0) continue;
                regionWeeks.computeIfAbsent(Summary.weekOf(summary.day(r)), k -> new TreeMap<>())
                        .merge(s.regionId() == null ? "?" : s.regionId(), s.actualSeconds(), Double::sum);
            }
        });
        RegionCatalogue catalogue = library.catalogue();
        ObjectNode out = Json.MAPPER.createObjectNode().put("sessionCount", sessions.size());
        sessions.sort(Comparator.comparing(SessionRecord::startedAt).reversed());
        ArrayNode list = out.putArray("sessions");
        for (SessionRecord r : sessions.subList(0, Math.min(MAX_LISTED, sessions.size()))) list.add(session(r, summary, catalogue));

        ArrayNode regionsByWeek = out.putArray("regionWeeks");
        ArrayNode days = out.putArray("days");
        summary.days().forEach((day, t) -> days.addObject().put("day", day.toString()).put("sessions", t.sessions()).put("minutes", t.minutes()));
        adherence(q, zone, summary, out);
        // the same weeks as the sessions chart, empty ones included, so a gap shows as a gap
        List<LocalDate> mondays = new ArrayList<>();
        for (var week : out.get("weeks")) mondays.add(LocalDate.parse(week.path("week").asText()));
        for (LocalDate monday : mondays) {
            ObjectNode minutes = regionsByWeek.addObject().put("week", monday.toString()).putObject("minutes");
            regionWeeks.getOrDefault(monday, Map.of()).forEach((id, seconds) -> minutes.put(name(catalogue, id), seconds / 60.0));
        }
        out.set("pressure", PressureChartData.of(pressure, mondays, id -> name(catalogue, id)));
        ArrayNode w = out.putArray("warnings");
        warnings.forEach(w::add);
        return ApiResponse.ok(out);
    }

    // the week range and target as 'thrum log summary' takes them: the filter's dates, else the active weeks
    private void adherence(ApiRequest q, ZoneId zone, Summary summary, ObjectNode out) {
        Integer target = target(q);
        TreeMap<LocalDate, Summary.Tally> byWeek = summary.weeks();
        Instant since = LogEndpoints.date(q, "since", zone, false);
        Instant until = LogEndpoints.date(q, "until", zone, true);
        LocalDate first = since != null ? Summary.weekOf(since.atZone(zone).toLocalDate()) : byWeek.isEmpty() ? null : byWeek.firstKey();
        LocalDate last = until != null ? Summary.weekOf(until.minusNanos(1).atZone(zone).toLocalDate()) : byWeek.isEmpty() ? null : byWeek.lastKey();
        ArrayNode weeks = out.putArray("weeks");
        if (first != null) {
            for (LocalDate m = first; !m.isAfter(last); m = m.plusWeeks(1)) {
                Summary.Tally t = byWeek.get(m);
                weeks.addObject().put("week", m.toString()).put("sessions", t == null ? 0 : t.sessions());
            }
        }
        if (target == null) {
            out.putNull("adherence");
            return;
        }
        Adherence a = Adherence.of(byWeek, target, first, last);
        out.putObject("adherence").put("target", target).put("percent", a.percent()).put("weeks", a.weeks().size())
                .put("weeksOnTarget", a.weeksOnTarget());
    }

    private Integer target(ApiRequest q) {
        String text = q.query("target");
        if (text != null && !text.isBlank()) {
            try {
                int t = Integer.parseInt(text.trim());
                if (t >= 1) return t;
            } catch (NumberFormatException ignored) {
                // refused below
            }
            throw ApiException.badRequest("target '" + text + "' is not a number of sessions a week", "for example target=5");
        }
        String client = q.query("client");
        if (client == null || client.isBlank()) return null;
        try {
            Client c = library.findClient(client);
            return c.weeklyTarget() > 0 ? c.weeklyTarget() : null;
        } catch (ApiException noRecord) {
            return null; // sessions logged under a name without a client record: no target, as the CLI
        }
    }

    private static ObjectNode session(SessionRecord r, Summary summary, RegionCatalogue catalogue) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("id", r.id()).put("startedAt", r.startedAt().toString())
                .put("day", summary.day(r).toString()).put("client", r.clientName()).put("programId", r.programId())
                .put("programName", r.programName()).put("outcome", r.outcome() == null ? null : r.outcome().name())
                .put("activeSeconds", r.activeSeconds()).put("pausedSeconds", r.pausedSeconds())
                .put("interruptions", r.interruptions());
        r.warnings().forEach(o.putArray("warnings")::add);
        pain(o, r.pain(), catalogue);
        ArrayNode steps = o.putArray("steps");
        for (StepReport s : r.steps()) {
            ObjectNode step = steps.addObject().put("index", s.index());
            step.put("region", s.rest() ? "rest" : name(catalogue, s.regionId()))
                    .put("side", s.side() == null ? null : s.side().name()).put("rest", s.rest())
                    .put("plannedSeconds", s.plannedSeconds()).put("actualSeconds", s.actualSeconds())
                    .put("peakIntensity", s.peakIntensity()).put("meanIntensity", s.meanIntensity())
                    .put("softer", s.softer()).put("harder", s.harder()).put("skipped", s.skipped());
            if (s.pressure() != null) stepPressure(step, s.pressure());
        }
        return o;
    }

    // the scores as the log keeps them (absent when not given), where it hurt by region names
    private static void pain(ObjectNode o, PainScores pain, RegionCatalogue catalogue) {
        if (pain == null) return;
        if (pain.before() != null) o.put("painBefore", pain.before());
        if (pain.after() != null) o.put("painAfter", pain.after());
        if (!pain.regions().isEmpty()) {
            ArrayNode where = o.putArray("painRegions");
            pain.regions().forEach(id -> where.add(name(catalogue, id)));
        }
        if (pain.note() != null) o.put("note", pain.note());
    }

    /** The band the step asked for and, when the device reported force, the seconds below, in and above it. */
    private static void stepPressure(ObjectNode step, StepReport.StepPressure p) {
        ObjectNode o = step.putObject("pressure").put("band", p.band());
        PressureStats s = p.stats();
        if (s != null) o.put("below", s.secondsBelow()).put("in", s.secondsIn()).put("above", s.secondsAbove()).put("tooMuch", s.tooMuchEpisodes());
    }

    private static String name(RegionCatalogue catalogue, String id) {
        if (id == null) return "unknown region";
        return catalogue.find(id).map(Region::name).orElse(id);
    }
}
