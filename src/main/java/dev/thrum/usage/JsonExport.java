package dev.thrum.usage;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;

/**
 * Writes sessions as one JSON array of records in the log's own schema, one record per line,
 * streamed as they come. Call {@link #finish} at the end.
 */
public final class JsonExport implements Consumer<SessionRecord> {
    private final JsonGenerator g;
    private long written;

    public JsonExport(Writer out) throws IOException {
        g = RecordJson.FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setRootValueSeparator(null); // the separators between records are written here
        g.writeRaw('[');
    }

    @Override
    public void accept(SessionRecord r) {
        try {
            g.writeRaw(written++ == 0 ? "\n" : ",\n");
            RecordJson.write(r, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void finish() throws IOException {
        g.writeRaw(written == 0 ? "]\n" : "\n]\n");
        g.close();
    }
}
