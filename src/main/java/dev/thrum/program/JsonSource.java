package dev.thrum.program;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.json.JsonErrors;
import dev.thrum.json.StrictJson;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed JSON document that remembers where each value sits in the text, so problems can name a
 * line and column. Jackson's tree forgets locations; a second streaming pass records them by JSON pointer.
 */
public final class JsonSource {

    private final String name;
    private final JsonNode root;
    private final Map<String, int[]> locations;

    private JsonSource(String name, JsonNode root, Map<String, int[]> locations) {
        this.name = name;
        this.root = root;
        this.locations = locations;
    }

    /** Parses {@code text}; a syntax error becomes a ValidationException naming the line and column. */
    public static JsonSource parse(String name, String text) {
        try {
            JsonNode root = StrictJson.readTree(text);
            if (root == null || root.isMissingNode())
                throw new ValidationException(Problem.of(name, "the file is empty; it must hold one JSON object"));
            return new JsonSource(name, root, locate(text));
        } catch (JsonProcessingException e) {
            JsonErrors.Syntax why = JsonErrors.describe(e);
            throw new ValidationException(new Problem(name, null, null, why.line(), why.column(), why.message()));
        }
    }

    private static Map<String, int[]> locate(String text) {
        Map<String, int[]> out = new HashMap<>();
        try (JsonParser p = StrictJson.factory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) continue;
                JsonLocation at = p.currentTokenLocation();
                // for a container start, the pointer of the container is the parent's current path
                String pointer = (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
                        ? p.getParsingContext().getParent().pathAsPointer().toString()
                        : p.getParsingContext().pathAsPointer().toString();
                out.putIfAbsent(pointer, new int[]{at.getLineNr(), at.getColumnNr()});
            }
        } catch (IOException e) {
            // already parsed once successfully; locations are a nicety
        }
        return out;
    }

    public String name() { return name; }

    public JsonNode root() { return root; }

    /** A problem at a JSON pointer like {@code /steps/2/duration}, with line and column where known. */
    public Problem problem(String step, String pointer, String message) {
        int[] at = locations.getOrDefault(pointer, new int[]{0, 0});
        return new Problem(name, step, toPath(pointer), at[0], at[1], message);
    }

    /** {@code /steps/2/duration} becomes {@code $.steps[2].duration}. */
    static String toPath(String pointer) {
        StringBuilder sb = new StringBuilder("$");
        if (pointer.isEmpty()) return sb.toString();
        for (String part : pointer.substring(1).split("/", -1)) {
            if (part.matches("\\d+")) sb.append('[').append(part).append(']');
            else sb.append('.').append(part.replace("~1", "/").replace("~0", "~"));
        }
        return sb.toString();
    }
}
