package dev.thrum.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one set of rules for reading JSON that a person or a program hands Thrum: device profiles,
 * programs, the regions override, client files, config.json and API bodies. Each is one JSON value
 * and nothing after it, every key once per object, and nesting no deeper than any Thrum format
 * needs. Having one factory is the point: the same text is refused or accepted everywhere.
 */
public final class StrictJson {
    /** Thrum's deepest format (a program's repeat block) is 6 levels deep; 64 leaves room and stops a stack bomb. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** Reads by the rules above; shared, thread-safe, not to be reconfigured. */
    public static final ObjectMapper MAPPER = builder().build();

    /** Reads one value and leaves what follows to {@link #readTree}, which explains it better. */
    private static final ObjectMapper TREE_READER = JsonMapper.builder(FACTORY).build();

    private StrictJson() {}

    /** The reading rules, for a mapper that adds its own writing settings (the daemon's). */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder(FACTORY).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * One JSON value from {@code text}, refusing anything but white space after it. Jackson's own
     * trailing-token check reports "garbage" as an unrecognised token; this says what is wrong.
     *
     * @return the value, or null when the text is empty
     * @throws JsonProcessingException with the place; describe it with {@link JsonErrors}
     */
    public static JsonNode readTree(String text) throws JsonProcessingException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonNode root = TREE_READER.readTree(p);
            if (root == null) return null;
            JsonLocation end = p.currentLocation();
            JsonToken next;
            try {
                next = p.nextToken();
            } catch (JsonProcessingException e) {
                // not even a token: Jackson's place is the end of the junk, the start is more useful
                throw new JsonParseException(p, TRAILING, end);
            }
            if (next != null) throw new JsonParseException(p, TRAILING, p.currentTokenLocation());
            return root;
        } catch (StreamConstraintsException e) {
            // Jackson gives these no place; where the parser stopped is where the limit was passed
            throw new JsonParseException(null, e.getOriginalMessage(), lastPlace(e, text));
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source does no I/O
        }
    }

    /**
     * Where a limit was first passed: the text is walked again by a parser without limits (only
     * after a refusal, so the cost is paid by bad input alone).
     */
    private static JsonLocation lastPlace(StreamConstraintsException e, String text) {
        if (e.getLocation() != null) return e.getLocation();
        StreamReadConstraints limits = FACTORY.streamReadConstraints();
        JsonFactory unlimited = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE)
                .maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build()).build();
        JsonLocation last = null;
        try (JsonParser p = unlimited.createParser(text)) {
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                last = p.currentTokenLocation();
                if (t.isStructStart() && ++depth > limits.getMaxNestingDepth()) return p.currentTokenLocation();
                if (t.isStructEnd()) depth--;
                int length = t == JsonToken.FIELD_NAME || t == JsonToken.VALUE_STRING || t.isNumeric() ? p.getTextLength() : 0;
                int max = t == JsonToken.FIELD_NAME ? limits.getMaxNameLength()
                        : t.isNumeric() ? limits.getMaxNumberLength() : limits.getMaxStringLength();
                if (length > max) return p.currentTokenLocation();
            }
        } catch (IOException ignored) {
            // the walk itself broke on the refused token: the last token it read is the nearest place
        }
        // never no place: the last token the walk reached, else the start of the text
        return last != null ? last : new JsonLocation(null, 0, 1, 1);
    }

    static final String TRAILING = "Trailing text after the JSON value";

    /** The streaming factory with the same rules, for code that walks tokens itself. */
    public static JsonFactory factory() {
        return FACTORY;
    }
}
