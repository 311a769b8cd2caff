package dev.thrum.program;

/**
 * One thing wrong in a file, precise enough to fix it.
 *
 * @param source  the file (or resource) name
 * @param step    "step 3" or "step 4.2" (inside a repeat), or null when not about a step
 * @param path    JSON path like {@code $.steps[2].duration}, or null
 * @param line    1-based line, 0 when unknown
 * @param column  1-based column, 0 when unknown
 */
public record Problem(String source, String step, String path, int line, int column, String message) {

    public static Problem of(String source, String message) {
        return new Problem(source, null, null, 0, 0, message);
    }

    /** {@code file.json: step 3 ($.steps[2].duration, line 12, column 19): message}, or {@code file.json ($.id, line 1, column 8): message} */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder();
        if (path != null) where.append(path);
        if (line > 0) where.append(where.isEmpty() ? "" : ", ").append("line ").append(line).append(", column ").append(column);
        StringBuilder sb = new StringBuilder(source);
        if (step != null) sb.append(": ").append(step);
        if (!where.isEmpty()) sb.append(" (").append(where).append(')');
        return sb.append(": ").append(message).toString();
    }
}
