package dev.thrum.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's errors into the words Thrum shows: a place (line and column) and a sentence a
 * person can act on. Jackson's own text names its classes and features and ends in a
 * {@code [Source: REDACTED ...]} trailer; none of that is for the person, so every loader and the
 * API go through here rather than printing {@code getMessage()}.
 */
public final class JsonErrors {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");
    private static final Pattern SOURCE_TRAILER = Pattern.compile("\\s*(\\bat )?\\[Source: .*", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("`?\\b(java|javax|com\\.fasterxml)\\.[\\w.$]+`?");

    private JsonErrors() {}

    /** Where the text broke (0 when unknown) and what to do about it. */
    public record Syntax(int line, int column, String message) {
        /** {@code line 3, column 7: message}, or just the message when the place is unknown. */
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ", column " + column + ": " + message : message;
        }
    }

    public static Syntax describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        return new Syntax(Math.max(line, 0), Math.max(column, 0), sentence(e));
    }

    private static String sentence(JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (raw.contains("nesting depth") && raw.contains("exceeds the maximum"))
            return "nested deeper than " + StrictJson.MAX_DEPTH + " levels; no Thrum format needs that many";
        if (e instanceof StreamConstraintsException || raw.contains("exceeds the maximum allowed"))
            return "a key, text or number is far too long here; shorten it";
        Matcher dup = DUPLICATE.matcher(raw);
        if (dup.find()) return "duplicate key '" + dup.group(1) + "' in the same object; keep only one of them";
        if (raw.startsWith("Trailing token") || raw.startsWith(StrictJson.TRAILING))
            return "unexpected text after the end of the JSON value; remove everything after the last closing brace";
        if (raw.contains("end-of-input"))
            return "the text ends too early (" + clean(raw) + "); check for a missing closing brace, bracket or quote";
        return "not valid JSON: " + clean(raw) + "; check for a missing comma, quote or brace near this place";
    }

    /**
     * Any message bound for a person, with Jackson's source trailer and Java class names taken out.
     * Safe on text that holds neither.
     */
    public static String clean(String message) {
        if (message == null) return "";
        String s = SOURCE_TRAILER.matcher(message).replaceAll("");
        s = CLASS_NAME.matcher(s).replaceAll("value");
        return s.replace('\n', ' ').trim();
    }
}
