package dev.thrum.daemon;

import java.util.List;

/**
 * A request the API refuses, with the HTTP status and the two strings of the JSON error body
 * ({@code {"error": "...", "hint": "..."}}). Handlers throw it; the router turns it into the response.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String hint;
    private final List<String> problems;

    public ApiException(int status, String error, String hint) {
        this(status, error, hint, List.of());
    }

    /** @param problems every problem found, each naming its place (file, JSON path, line, step) */
    public ApiException(int status, String error, String hint, List<String> problems) {
        super(error);
        this.status = status;
        this.hint = hint;
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }

    public int status() { return status; }

    public String hint() { return hint; }

    public static ApiException badRequest(String error, String hint) { return new ApiException(400, error, hint); }

    public static ApiException notFound(String error, String hint) { return new ApiException(404, error, hint); }

    public static ApiException conflict(String error, String hint) { return new ApiException(409, error, hint); }
}
