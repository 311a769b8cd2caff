package dev.thrum.daemon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.thrum.json.StrictJson;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import dev.thrum.engine.ReadyKind;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The API's one JSON mapper, reading by {@link StrictJson}'s rules (one value, no duplicate keys, bounded depth). Records serialise by their components; instants as ISO-8601 text and
 * durations as seconds (a number), without pulling in another Jackson module.
 */
public final class Json {
    public static final ObjectMapper MAPPER = StrictJson.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build()
            .registerModule(new SimpleModule("thrum-time")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addSerializer(Duration.class, new SecondsSerializer())
                    .addSerializer(ReadyKind.class, ToStringSerializer.instance));

    private Json() {}

    private static final class SecondsSerializer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration d, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(d.toMillis() / 1000.0);
        }
    }
}
