package dev.thrum.profile;

/**
 * One thing wrong with a profile file: where (file, JSON path, line and column when known) and what,
 * with how to fix it.
 *
 * @param line   1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 */
public record ProfileProblem(String file, String path, int line, int column, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(':').append(line).append(':').append(column);
        sb.append(": ");
        if (path != null && !path.isEmpty()) sb.append("at ").append(path).append(": ");
        return sb.append(message).toString();
    }
}
