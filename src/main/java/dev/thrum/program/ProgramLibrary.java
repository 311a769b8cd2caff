package dev.thrum.program;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The programs a user can run, by id: built-ins first, then user and therapist files. A later
 * program with the same id replaces the earlier one, and the library says so in {@link #messages()}.
 * Files that failed validation are listed in {@link #problems()} and are not in the library.
 */
public final class ProgramLibrary {

    /** A program and where it came from (a resource or a file path, for messages). */
    public record Entry(Program program, String source) {}

    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private final List<String> messages = new ArrayList<>();
    private final List<ValidationException> problems = new ArrayList<>();

    public void add(Program program, String source) {
        Entry old = byId.put(program.id(), new Entry(program, source));
        if (old != null)
            messages.add("program '" + program.id() + "' from " + source + " overrides the one from " + old.source());
    }

    public void reject(ValidationException e) {
        problems.add(e);
    }

    public Optional<Program> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(Entry::program);
    }

    public Optional<Entry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Entry> entries() {
        return List.copyOf(byId.values());
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    public List<ValidationException> problems() {
        return List.copyOf(problems);
    }
}
