package dev.thrum.usage;

import dev.thrum.json.JsonErrors;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON form of one journal snapshot: {@code {"journal":"thrum.journal/1","savedAt":...,"session":{record}}}.
 * The session is a normal record whose {@code endedAt} and {@code outcome} are still null.
 */
final class JournalFile {
    static final String SCHEMA = "thrum.journal/1";

    record Snapshot(Instant savedAt, SessionRecord session) {}

    private JournalFile() {}

    static byte[] toBytes(Snapshot s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = RecordJson.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("journal", SCHEMA);
            g.writeStringField("savedAt", RecordJson.instant(s.savedAt()));
            g.writeFieldName("session");
            RecordJson.write(s.session(), g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    static Snapshot parse(byte[] bytes) throws RecordFormatException {
        try (JsonParser p = RecordJson.FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new RecordFormatException("not a JSON object", true);
            String schema = null;
            Instant saved = null;
            SessionRecord session = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                switch (name) {
                    case "journal" -> { p.nextToken(); schema = p.getText(); }
                    case "savedAt" -> { p.nextToken(); saved = FastInstant.parse(p.getText()); }
                    case "session" -> session = RecordJson.read(p);
                    default -> { p.nextToken(); p.skipChildren(); }
                }
            }
            if (!SCHEMA.equals(schema)) throw new RecordFormatException("not a Thrum journal (" + schema + ")", true);
            if (saved == null || session == null) throw new RecordFormatException("savedAt or session missing", false);
            return new Snapshot(saved, session);
        } catch (IOException | RuntimeException e) {
            throw new RecordFormatException("not valid JSON (" + JsonErrors.clean(e.getMessage()) + ")", false);
        }
    }
}
