package dev.thrum.usage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Pain scores or a note given after a session's record was written (the score after the session is
 * asked once the session has ended and is already logged). The usage log only ever grows, so this is
 * a line of its own, {@code {"schema":"thrum.outcome/1","session":ID,"at":...,"painAfter":2,...}},
 * which readers fold into the session record it names (docs/usage-log.md).
 */
public record OutcomeNote(String sessionId, Instant at, PainScores pain) {
    public static final String SCHEMA = "thrum.outcome/1";
    static final byte[] SCHEMA_MARK = ("\"" + SCHEMA + "\"").getBytes(StandardCharsets.US_ASCII);

    public OutcomeNote {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(pain, "pain");
    }

    public byte[] toLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = RecordJson.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("session", sessionId);
            g.writeStringField("at", RecordJson.instant(at));
            RecordJson.writePain(pain, g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** True when the line claims to be an outcome line (then {@link #parse} says whether it is a good one). */
    static boolean looksLikeOne(byte[] buf, int off, int len) {
        outer:
        for (int i = off; i <= off + len - SCHEMA_MARK.length; i++) {
            for (int j = 0; j < SCHEMA_MARK.length; j++) if (buf[i + j] != SCHEMA_MARK[j]) continue outer;
            return true;
        }
        return false;
    }

    static OutcomeNote parse(byte[] buf, int off, int len) throws RecordFormatException {
        try (JsonParser p = RecordJson.FACTORY.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new RecordFormatException("not a JSON object", false);
            String schema = null, session = null, note = null;
            Instant at = null;
            Integer before = null, after = null;
            List<String> regions = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "schema" -> schema = RecordJson.text(p, name);
                    case "session" -> session = RecordJson.text(p, name);
                    case "at" -> at = RecordJson.instant(p, name);
                    case "painBefore" -> before = RecordJson.painScore(p, name);
                    case "painAfter" -> after = RecordJson.painScore(p, name);
                    case "painRegions" -> regions = RecordJson.strings(p, name);
                    case "note" -> note = RecordJson.text(p, name);
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) throw new RecordFormatException("more than one JSON value on the line", false);
            if (!SCHEMA.equals(schema)) throw new RecordFormatException("an outcome line of another version (" + schema
                    + "); this build reads " + SCHEMA, false);
            if (session == null) throw new RecordFormatException("the outcome line names no \"session\"", false);
            return new OutcomeNote(session, at, RecordJson.pain(before, after, regions, note));
        } catch (IOException | RuntimeException e) {
            throw new RecordFormatException("not a valid outcome line (" + e.getMessage() + ")", false);
        }
    }
}
