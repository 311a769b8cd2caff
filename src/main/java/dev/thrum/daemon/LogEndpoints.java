package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.usage.CsvExport;
import dev.thrum.usage.PainReview;
import dev.thrum.usage.IsoDates;
import dev.thrum.usage.JsonExport;
import dev.thrum.usage.LogFileException;
import dev.thrum.usage.LogWarning;
import dev.thrum.usage.RecordFilter;
import dev.thrum.usage.RecordJson;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.Summary;
import dev.thrum.usage.UsageLog;
import dev.thrum.program.Side;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import dev.thrum.store.ClientStore;
import dev.thrum.program.Client;
import dev.thrum.program.ClientMatch;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The usage log, read-only: sessions ({@code GET /log}), a summary ({@code GET /log/summary?by=}),
 * and exports ({@code GET /log/export?format=csv|json}). Filters: {@code since}, {@code until}
 * (ISO dates, inclusive, in {@code zone} or the daemon's zone), {@code client} and {@code program}.
 */
final class LogEndpoints {
    static final int MAX_WARNINGS = 20;

    private final UsageLog log;
    private final ClientStore clients;

    LogEndpoints(UsageLog log) { this(log, null); }

    /** With the client records, so {@code client} is found as every {@code --client} is ({@link ClientMatch}). */
    LogEndpoints(UsageLog log, ClientStore clients) {
        this.log = log;
        this.clients = clients;
    }

    void register(Router r) {
        r.add("GET", "/log", this::list);
        r.add("GET", "/log/summary", this::summary);
        r.add("GET", "/log/export", this::export);
        r.add("GET", "/log/outcomes", this::outcomes);
    }

    /** Pain before and after per session, weekly means and trend, average change per program and region. */
    private ApiResponse outcomes(ApiRequest q) throws IOException {
        PainReview review = new PainReview(zone(q));
        List<String> warnings = read(q, review);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode sessions = out.putArray("sessions");
        for (PainReview.Scored s : review.sessions()) {
            ObjectNode o = sessions.addObject().put("session", s.sessionId()).put("day", s.day().toString())
                    .put("programId", s.programId()).put("client", s.client());
            if (s.before() != null) o.put("painBefore", s.before());
            if (s.after() != null) o.put("painAfter", s.after());
            if (s.change() != null) o.put("change", s.change());
            s.painRegions().forEach(o.putArray("painRegions")::add);
            if (s.note() != null) o.put("note", s.note());
        }
        ArrayNode weeks = out.putArray("weeks");
        for (PainReview.Week w : review.weeks()) {
            ObjectNode o = weeks.addObject().put("week", w.monday().toString());
            if (w.before().count() > 0) o.put("meanBefore", w.before().mean());
            if (w.after().count() > 0) o.put("meanAfter", w.after().mean());
        }
        Double trend = review.trendPerWeek();
        if (trend == null) out.putNull("trendPerWeek");
        else out.put("trendPerWeek", trend);
        means(out.putObject("byProgram"), review.byProgram());
        means(out.putObject("byRegion"), review.byRegion());
        out.set("warnings", strings(warnings));
        return ApiResponse.ok(out);
    }

    private static void means(ObjectNode into, Map<String, PainReview.Mean> rows) {
        rows.forEach((k, m) -> into.putObject(k).put("meanChange", m.mean()).put("sessions", m.count()));
    }

    private ApiResponse list(ApiRequest q) throws IOException {
        List<ObjectNode> sessions = new ArrayList<>();
        List<String> warnings = read(q, r -> sessions.add(recordJson(r)));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putArray("sessions").addAll(sessions);
        out.set("warnings", strings(warnings));
        return ApiResponse.ok(out);
    }

    private ApiResponse summary(ApiRequest q) throws IOException {
        String by = q.query("by") == null ? "region" : q.query("by").toLowerCase(Locale.ROOT);
        if (!List.of("region", "week", "day", "program", "client").contains(by))
            throw ApiException.badRequest("cannot summarise by '" + by + "'", "use by=region, week, day, program or client");
        Summary s = new Summary(zone(q));
        List<String> warnings = read(q, s);
        ObjectNode out = Json.MAPPER.createObjectNode().put("by", by).put("sessions", s.sessions())
                .put("activeSeconds", s.activeSeconds()).put("pausedSeconds", s.pausedSeconds());
        ObjectNode outcomes = out.putObject("outcomes");
        s.outcomes().forEach((k, v) -> outcomes.put(k.name(), v));
        ArrayNode rows = out.putArray("rows");
        switch (by) {
            case "region" -> s.regions().forEach((region, sides) -> {
                for (Side side : Side.values()) {
                    Summary.Tally t = sides[side.ordinal()];
                    if (t != null) rows.addObject().put("region", region).put("side", side.name())
                            .put("seconds", t.seconds()).put("sessions", t.sessions());
                }
            });
            case "week" -> tallies(rows, "week", s.weeks());
            case "day" -> tallies(rows, "day", s.days());
            case "program" -> tallies(rows, "program", s.programs());
            default -> tallies(rows, "client", s.clients());
        }
        out.set("warnings", strings(warnings));
        return ApiResponse.ok(out);
    }

    private static void tallies(ArrayNode rows, String key, Map<?, Summary.Tally> map) {
        map.forEach((k, t) -> rows.addObject().put(key, k instanceof LocalDate d ? d.toString() : String.valueOf(k))
                .put("seconds", t.seconds()).put("sessions", t.sessions()));
    }

    private ApiResponse export(ApiRequest q) throws IOException {
        String format = q.query("format") == null ? "csv" : q.query("format").toLowerCase(Locale.ROOT);
        StringWriter text = new StringWriter();
        switch (format) {
            case "csv" -> {
                CsvExport csv = new CsvExport(text);
                read(q, csv);
                text.flush();
                return new ApiResponse.Raw(200, "text/csv; charset=utf-8", text.toString().getBytes(StandardCharsets.UTF_8));
            }
            case "json" -> {
                JsonExport json = new JsonExport(text);
                read(q, json);
                json.finish();
                return new ApiResponse.Raw(200, "application/json; charset=utf-8", text.toString().getBytes(StandardCharsets.UTF_8));
            }
            default -> throw ApiException.badRequest("unknown export format '" + format + "'", "use format=csv or format=json");
        }
    }

    /** Reads the matching sessions into {@code sink}; returns the first skipped-line warnings. */
    List<String> read(ApiRequest q, Consumer<SessionRecord> sink) throws IOException {
        RecordFilter filter = filter(q);
        String program = q.query("program"); // the web history's filter; absent for the CLI
        List<String> warnings = new ArrayList<>();
        if (!Files.exists(log.file())) return warnings;
        try {
            log.reader().read(r -> {
                if (filter.test(r) && (program == null || program.isBlank() || program.equals(r.programId()))) sink.accept(r);
            }, (LogWarning w) -> {
                if (warnings.size() < MAX_WARNINGS) warnings.add(w.toString());
            });
        } catch (LogFileException e) {
            throw new ApiException(500, e.getMessage(), "check the usage log file; nothing in it was changed");
        }
        return warnings;
    }

    private RecordFilter filter(ApiRequest q) {
        ZoneId z = zone(q);
        String typed = q.query("client");
        Client c = null;
        if (typed != null && clients != null) {
            try {
                c = clients.get(typed);
            } catch (ClientMatch.NoSuchClientException e) {
                if (e.ambiguous()) throw ApiException.notFound(e.getMessage(), "give more of the name, or the id");
                // not a client record (removed, or from another computer): sessions match by the name as given
            }
        }
        return new RecordFilter(date(q, "since", z, false), date(q, "until", z, true),
                c == null ? typed : c.name(), c == null ? null : c.id());
    }

    static Instant date(ApiRequest q, String key, ZoneId z, boolean end) {
        String text = q.query(key);
        if (text == null || text.isBlank()) return null;
        try {
            return end ? IsoDates.endInclusive(text, z) : IsoDates.start(text, z);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(key + ": " + e.getMessage(), "for example ?" + key + "=2026-11-02");
        }
    }

    static ZoneId zone(ApiRequest q) {
        String z = q.query("zone");
        if (z == null) return ZoneId.systemDefault();
        try {
            return ZoneId.of(z);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("zone '" + z + "' is not a time zone", "use a name such as Europe/Berlin or UTC");
        }
    }

    private static ObjectNode recordJson(SessionRecord r) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(RecordJson.toLine(r));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode strings(List<String> list) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        list.forEach(a::add);
        return a;
    }
}
