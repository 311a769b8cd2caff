package dev.thrum.log;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Writes sessions as one JSON array of records in the log's own schema, streamed. Call {@link #finish}. */
public final class JsonExport implements Consumer<SessionRecord> {
    private final JsonGenerator g;

    public JsonExport(Writer out) throws IOException {
        g = RecordJson.FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartArray();
    }

    @Override
    public void accept(SessionRecord r) {
        try {
            g.writeRaw('\n');
            RecordJson.write(r, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void finish() throws IOException {
        g.writeRaw('\n');
        g.writeEndArray();
        g.writeRaw('\n');
        g.close();
    }
}
