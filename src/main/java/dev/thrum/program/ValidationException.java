package dev.thrum.program;

import java.util.List;
import java.util.stream.Collectors;

/** A file was refused; nothing from it is used. Carries every problem found, not just the first. */
public final class ValidationException extends RuntimeException {
    private final List<Problem> problems;

    public ValidationException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems");
        this.problems = List.copyOf(problems);
    }

    public ValidationException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
