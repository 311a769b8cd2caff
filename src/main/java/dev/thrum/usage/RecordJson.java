package dev.thrum.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.program.Side;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of a {@link SessionRecord} (schema {@value SessionRecord#SCHEMA}), read and written
 * with Jackson's streaming API: no tree per line, so a million-line log reads quickly.
 */
public final class RecordJson {
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
            .build();

    private RecordJson() {}

    /** One record as a single line of UTF-8 JSON, with the trailing newline. */
    public static byte[] toLine(SessionRecord r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(r, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    public static void write(SessionRecord r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", SessionRecord.SCHEMA);
        g.writeStringField("id", r.id());
        g.writeStringField("client", r.clientName());
        if (r.clientId() != null) g.writeStringField("clientId", r.clientId());
        g.writeStringField("programId", r.programId());
        g.writeStringField("programName", r.programName());
        g.writeObjectFieldStart("device");
        g.writeStringField("profile", r.device() == null ? null : r.device().profileId());
        g.writeStringField("address", r.device() == null ? null : r.device().address());
        g.writeEndObject();
        g.writeStringField("startedAt", instant(r.startedAt()));
        g.writeStringField("endedAt", instant(r.endedAt()));
        g.writeNumberField("activeSeconds", round3(r.activeSeconds()));
        g.writeNumberField("pausedSeconds", round3(r.pausedSeconds()));
        g.writeStringField("outcome", r.outcome() == null ? null : r.outcome().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("interruptions", r.interruptions());
        g.writeArrayFieldStart("warnings");
        for (String w : r.warnings()) g.writeString(w);
        g.writeEndArray();
        writePain(r.pain(), g);
        g.writeArrayFieldStart("steps");
        for (StepReport s : r.steps()) {
            g.writeStartObject();
            g.writeNumberField("index", s.index());
            g.writeStringField("region", s.regionId());
            g.writeStringField("side", s.side() == null ? null : s.side().name().toLowerCase(Locale.ROOT));
            g.writeBooleanField("rest", s.rest());
            g.writeNumberField("plannedSeconds", round3(s.plannedSeconds()));
            g.writeNumberField("actualSeconds", round3(s.actualSeconds()));
            g.writeNumberField("peakIntensity", round3(s.peakIntensity()));
            g.writeNumberField("meanIntensity", round3(s.meanIntensity()));
            g.writeNumberField("softer", s.softer());
            g.writeNumberField("harder", s.harder());
            g.writeBooleanField("skipped", s.skipped());
            StepPressureJson.write(s.pressure(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The pain fields, each only when present (docs/usage-log.md); shared with the outcome line. */
    static void writePain(PainScores pain, JsonGenerator g) throws IOException {
        if (pain.before() != null) g.writeNumberField("painBefore", pain.before());
        if (pain.after() != null) g.writeNumberField("painAfter", pain.after());
        if (!pain.regions().isEmpty()) {
            g.writeArrayFieldStart("painRegions");
            for (String region : pain.regions()) g.writeString(region);
            g.writeEndArray();
        }
        if (pain.note() != null) g.writeStringField("note", pain.note());
    }

    /** Parses one line (without its newline). */
    public static SessionRecord parse(byte[] buf, int off, int len) throws RecordFormatException {
        return parse(new FastRecordParser(), buf, off, len);
    }

    /**
     * Parses one line, trying the quick path first (reuse {@code fast} across the lines of one read);
     * with {@code fast} null, Jackson alone.
     */
    static SessionRecord parse(FastRecordParser fast, byte[] buf, int off, int len) throws RecordFormatException {
        SessionRecord quick = fast == null ? null : fast.parse(buf, off, len);
        if (quick != null) return quick;
        return parseFully(buf, off, len);
    }

    /** Parses one line with Jackson only; gives the error messages. */
    static SessionRecord parseFully(byte[] buf, int off, int len) throws RecordFormatException {
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            SessionRecord r = read(p);
            if (p.nextToken() != null) throw new RecordFormatException("more than one JSON value on the line", false);
            return r;
        } catch (IOException | RuntimeException e) {
            throw new RecordFormatException("not valid JSON (" + jsonProblem(e) + ")", false);
        }
    }

    /** Reads one record object starting at the parser's next token. */
    static SessionRecord read(JsonParser p) throws IOException, RecordFormatException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new RecordFormatException("not a JSON object", true);
        }
        String schema = null, id = null, client = null, clientId = null, programId = null, programName = null;
        String profile = null, address = null, outcome = null;
        Instant started = null, ended = null;
        double active = 0, paused = 0;
        int interruptions = 0;
        List<String> warnings = List.of();
        List<StepReport> steps = List.of();
        Integer painBefore = null, painAfter = null;
        List<String> painRegions = List.of();
        String note = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "painBefore" -> painBefore = painScore(p, name);
                case "painAfter" -> painAfter = painScore(p, name);
                case "painRegions" -> painRegions = strings(p, name);
                case "note" -> note = text(p, name);
                case "schema" -> schema = text(p, name);
                case "id" -> id = text(p, name);
                case "client" -> client = text(p, name);
                case "clientId" -> clientId = text(p, name);
                case "programId" -> programId = text(p, name);
                case "programName" -> programName = text(p, name);
                case "device" -> {
                    if (t == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String f = p.currentName();
                            p.nextToken();
                            if (f.equals("profile")) profile = text(p, "device.profile");
                            else if (f.equals("address")) address = text(p, "device.address");
                            else p.skipChildren();
                        }
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw new RecordFormatException("device must be an object", false);
                    }
                }
                case "startedAt" -> started = instant(p, name);
                case "endedAt" -> ended = instant(p, name);
                case "activeSeconds" -> active = number(p, name);
                case "pausedSeconds" -> paused = number(p, name);
                case "outcome" -> outcome = text(p, name);
                case "interruptions" -> interruptions = (int) number(p, name);
                case "warnings" -> warnings = strings(p, name);
                case "steps" -> steps = steps(p);
                default -> p.skipChildren(); // a newer minor version may add fields
            }
        }
        if (schema == null || !schema.startsWith("thrum.session/")) {
            throw new RecordFormatException("not a Thrum session record (no \"schema\": \"thrum.session/N\")", true);
        }
        if (!schema.equals(SessionRecord.SCHEMA) && !schema.equals(SessionRecord.SCHEMA_V1)) {
            throw new RecordFormatException("written by another Thrum version (schema " + schema
                    + "); this build reads " + SessionRecord.SCHEMA_V1 + " and " + SessionRecord.SCHEMA, false);
        }
        if (id == null) throw new RecordFormatException("the record has no id", false);
        if (started == null) throw new RecordFormatException("the record has no startedAt", false);
        return new SessionRecord(id, client, programId, programName,
                profile == null && address == null ? null : new DeviceInfo(profile, address),
                started, ended, active, paused, outcome(outcome), interruptions, warnings, steps,
                pain(painBefore, painAfter, painRegions, note), clientId);
    }

    static PainScores pain(Integer before, Integer after, List<String> regions, String note) throws RecordFormatException {
        try {
            return new PainScores(before, after, regions, note);
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException(e.getMessage(), false);
        }
    }

    static Integer painScore(JsonParser p, String name) throws IOException, RecordFormatException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0 || p.getLongValue() > 10)
            throw new RecordFormatException(name + " must be a whole number from 0 to 10", false);
        return p.getIntValue();
    }

    private static List<StepReport> steps(JsonParser p) throws IOException, RecordFormatException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return List.of();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new RecordFormatException("steps must be a list", false);
        List<StepReport> steps = new ArrayList<>(8);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int index = steps.size(), softer = 0, harder = 0;
            String region = null;
            Side side = Side.NONE;
            boolean rest = false, skipped = false;
            double planned = 0, actual = 0, peak = 0, mean = 0;
            StepReport.StepPressure pressure = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                switch (f) {
                    case "index" -> index = (int) number(p, "steps.index");
                    case "region" -> region = text(p, "steps.region");
                    case "side" -> side = side(text(p, "steps.side"));
                    case "rest" -> rest = p.currentToken() == JsonToken.VALUE_TRUE;
                    case "plannedSeconds" -> planned = number(p, "steps.plannedSeconds");
                    case "actualSeconds" -> actual = number(p, "steps.actualSeconds");
                    case "peakIntensity" -> peak = number(p, "steps.peakIntensity");
                    case "meanIntensity" -> mean = number(p, "steps.meanIntensity");
                    case "softer" -> softer = (int) number(p, "steps.softer");
                    case "harder" -> harder = (int) number(p, "steps.harder");
                    case "skipped" -> skipped = p.currentToken() == JsonToken.VALUE_TRUE;
                    case "pressure" -> pressure = StepPressureJson.read(p);
                    default -> p.skipChildren();
                }
            }
            steps.add(new StepReport(index, region, side, rest, planned, actual, peak, mean, softer, harder, skipped, pressure));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) throw new RecordFormatException("steps must hold objects", false);
        return steps;
    }

    static List<String> strings(JsonParser p, String name) throws IOException, RecordFormatException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return List.of();
        if (p.currentToken() != JsonToken.START_ARRAY) throw new RecordFormatException(name + " must be a list", false);
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) out.add(p.getText());
        return out;
    }

    static String text(JsonParser p, String name) throws IOException, RecordFormatException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw new RecordFormatException(name + " must be a string", false);
        return p.getText();
    }

    private static double number(JsonParser p, String name) throws IOException, RecordFormatException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            double v = p.getDoubleValue();
            // 1e999 reads as infinity: it would turn every total it joins into nonsense
            if (!Double.isFinite(v)) throw new RecordFormatException(name + " is too large a number", false);
            return v;
        }
        if (t == JsonToken.VALUE_NULL) return 0;
        throw new RecordFormatException(name + " must be a number", false);
    }

    static Instant instant(JsonParser p, String name) throws IOException, RecordFormatException {
        String s = text(p, name);
        if (s == null) return null;
        try {
            return FastInstant.parse(s);
        } catch (RuntimeException e) {
            throw new RecordFormatException(name + " is not an ISO timestamp: '" + s + "'", false);
        }
    }

    private static Outcome outcome(String s) throws RecordFormatException {
        if (s == null) return null;
        try {
            return Outcome.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RecordFormatException("unknown outcome '" + s + "'", false);
        }
    }

    private static Side side(String s) throws RecordFormatException {
        if (s == null) return Side.NONE;
        return switch (s) {
            case "left" -> Side.LEFT;
            case "right" -> Side.RIGHT;
            case "none" -> Side.NONE;
            default -> throw new RecordFormatException("unknown side '" + s + "'", false);
        };
    }

    static String instant(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /**
     * The parser's own words, without its internal location text ("[Source: REDACTED ...]"), with
     * the column instead, and with control characters from the line made harmless for a terminal.
     */
    static String jsonProblem(Exception e) {
        String words = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : null;
        if (words == null) words = "it cannot be parsed";
        int nl = words.indexOf('\n');
        if (nl >= 0) words = words.substring(0, nl);
        words = words.replaceAll("\\s*\\(start marker at \\[Source:[^)]*\\)[^)]*\\)", "").replaceAll("\\[Source:[^\\]]*\\]", "");
        StringBuilder b = new StringBuilder();
        words.codePoints().limit(200).forEach(c -> b.append(Character.isISOControl(c) ? '?' : Character.toString(c)));
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                && j.getLocation().getColumnNr() > 0)
            b.append(" at column ").append(j.getLocation().getColumnNr());
        return b.toString();
    }
}
