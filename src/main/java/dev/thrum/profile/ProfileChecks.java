package dev.thrum.profile;

import dev.thrum.text.EditDistance;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Collects problems while a profile is read, with positions from the {@link JsonLocator}, and offers
 * small typed readers that report a clear problem instead of throwing.
 */
final class ProfileChecks {

    private final String file;
    private final JsonLocator locator;
    private final List<ProfileProblem> problems = new ArrayList<>();

    ProfileChecks(String file, JsonLocator locator) {
        this.file = file;
        this.locator = locator;
    }

    List<ProfileProblem> problems() { return problems; }

    boolean clean() { return problems.isEmpty(); }

    void at(String path, String message) {
        JsonLocator.Position p = locator.find(path);
        add(path, p, 0, message);
    }

    /** A problem at a column inside a string value (for template errors). */
    void atInString(String path, int columnInString, String message) {
        JsonLocator.Position p = locator.find(path);
        add(path, p, columnInString > 0 ? columnInString : 0, message);
    }

    void atKey(String path, String message) {
        add(path, locator.key(path), 0, message);
    }

    private void add(String path, JsonLocator.Position p, int columnInString, String message) {
        int line = p == null ? 0 : p.line();
        int column = p == null ? 0 : p.column() + columnInString; // +1 for the opening quote, -1 for 1-based
        problems.add(new ProfileProblem(file, path, line, column, message));
    }

    /** Reports keys of an object that the format does not know, suggesting the closest known key. */
    void onlyKeys(JsonNode object, String path, Collection<String> known) {
        object.fieldNames().forEachRemaining(name -> {
            if (known.contains(name)) return;
            String hint = closest(name, known).map(k -> "did you mean '" + k + "'? ").orElse("");
            atKey(path + "." + name, "unknown key '" + name + "'; " + hint + "known keys here: "
                    + String.join(", ", known));
        });
    }

    static Optional<String> closest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = EditDistance.between(name.toLowerCase(), k.toLowerCase());
            if (d < bestDistance) { bestDistance = d; best = k; }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? Optional.ofNullable(best) : Optional.empty();
    }

    // ---- typed readers: null (and a problem) when missing or of the wrong type ----

    JsonNode object(JsonNode parent, String parentPath, String key, boolean required) {
        return typed(parent, parentPath, key, required, "an object", JsonNode::isObject, "an object {...}");
    }

    JsonNode array(JsonNode parent, String parentPath, String key, boolean required) {
        return typed(parent, parentPath, key, required, "a list [...]", JsonNode::isArray, "a list [...]");
    }

    String string(JsonNode parent, String parentPath, String key, boolean required) {
        JsonNode n = typed(parent, parentPath, key, required, "a text", JsonNode::isTextual, "a text in quotes");
        if (n == null) return null;
        if (n.asText().isBlank()) { at(parentPath + "." + key, "\"" + key + "\" is empty; give it a value"); return null; }
        return n.asText();
    }

    /** The value at {@code key} when present and of the right type; else null, with a problem if it was wrong or required. */
    private JsonNode typed(JsonNode parent, String parentPath, String key, boolean required, String missingAs,
                           java.util.function.Predicate<JsonNode> isType, String mustBe) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            if (required) at(parentPath, "missing \"" + key + "\" (" + missingAs + ")");
            return null;
        }
        if (!isType.test(n)) { at(parentPath + "." + key, "\"" + key + "\" must be " + mustBe + ", not " + kind(n)); return null; }
        return n;
    }

    Integer integer(JsonNode parent, String parentPath, String key, boolean required, int min, int max) {
        JsonNode n = parent.get(key);
        String path = parentPath + "." + key;
        if (n == null || n.isNull()) {
            if (required) at(parentPath, "missing \"" + key + "\" (a whole number)");
            return null;
        }
        return integerValue(n, path, key, min, max);
    }

    Integer integerValue(JsonNode n, String path, String what, int min, int max) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            at(path, "\"" + what + "\" must be a whole number, not " + kind(n));
            return null;
        }
        int v = n.intValue();
        if (v < min || v > max) {
            at(path, "\"" + what + "\" is " + v + "; it must be between " + min + " and " + max);
            return null;
        }
        return v;
    }

    List<String> strings(JsonNode parent, String parentPath, String key) {
        JsonNode n = array(parent, parentPath, key, false);
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            String path = parentPath + "." + key + "[" + i + "]";
            if (!e.isTextual() || e.asText().isBlank()) at(path, "entries of \"" + key + "\" must be non-empty texts");
            else out.add(e.asText());
        }
        return out;
    }

    static String kind(JsonNode n) {
        if (n.isTextual()) return "the text \"" + n.asText() + "\"";
        if (n.isNumber()) return "the number " + n.asText();
        if (n.isBoolean()) return n.asText();
        if (n.isArray()) return "a list";
        if (n.isObject()) return "an object";
        return n.getNodeType().toString().toLowerCase();
    }
}
