package dev.thrum.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every value (and every object key) in a JSON text, by JSON path such as
 * {@code $.status[0].fields.speed}. Jackson's tree forgets positions, so this walks the tokens once.
 */
final class JsonLocator {

    record Position(int line, int column) {}

    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();

    static JsonLocator of(String json) {
        JsonLocator locator = new JsonLocator();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            locator.walk(p);
        } catch (IOException | RuntimeException e) {
            // The tree parse reports syntax errors; positions found so far are still useful.
        }
        return locator;
    }

    private void walk(JsonParser p) throws IOException {
        // Each frame is the path of a container plus, for arrays, the next index.
        Deque<String> paths = new ArrayDeque<>();
        Deque<int[]> indexes = new ArrayDeque<>();
        String pendingKey = null;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.FIELD_NAME) {
                pendingKey = paths.peek() + "." + p.currentName();
                keys.put(pendingKey, pos(p));
                continue;
            }
            if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                paths.pop();
                indexes.pop();
                continue;
            }
            String path;
            if (paths.isEmpty()) path = "$";
            else if (indexes.peek()[0] >= 0) path = paths.peek() + "[" + indexes.peek()[0]++ + "]";
            else path = pendingKey;
            values.put(path, pos(p));
            if (t == JsonToken.START_OBJECT) { paths.push(path); indexes.push(new int[] {-1}); }
            else if (t == JsonToken.START_ARRAY) { paths.push(path); indexes.push(new int[] {0}); }
        }
    }

    private static Position pos(JsonParser p) {
        var loc = p.currentTokenLocation();
        return new Position(loc.getLineNr(), loc.getColumnNr());
    }

    /** Position of the value at the path, else of its key, else of the nearest enclosing value. */
    Position find(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            Position v = values.get(p);
            if (v != null) return v;
            v = keys.get(p);
            if (v != null) return v;
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut > 0 ? p.substring(0, cut) : null;
        }
        return null;
    }

    /** Position of an object key (for unknown-key messages), falling back to {@link #find}. */
    Position key(String path) {
        Position k = keys.get(path);
        return k != null ? k : find(path);
    }
}
