package dev.thrum.program;

import dev.thrum.text.Suggestions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * How every {@code --client} (run, log, report, clients) and the API find a client, in this order:
 * the exact id; the exact name, ignoring case; the one client whose id or name starts with what
 * was typed, ignoring case. Two or more starting that way is ambiguous. Unknown and ambiguous are
 * both errors that name the candidates, so a typo never silently means "no sessions".
 */
public final class ClientMatch {
    private ClientMatch() {}

    /** No client, or more than one, answers to what was typed; the message lists the candidates. */
    public static final class NoSuchClientException extends NoSuchElementException {
        private final List<Client> candidates;

        NoSuchClientException(String message, List<Client> candidates) {
            super(message);
            this.candidates = List.copyOf(candidates);
        }

        /** The clients that matched equally well (ambiguous), or none (unknown). */
        public List<Client> candidates() { return candidates; }

        public boolean ambiguous() { return candidates.size() > 1; }
    }

    /** The client {@code typed} means, if exactly one; empty when none or several. */
    public static Optional<Client> find(String typed, Collection<Client> clients) {
        try {
            return Optional.of(resolve(typed, clients));
        } catch (NoSuchClientException e) {
            return Optional.empty();
        }
    }

    /** @throws NoSuchClientException when no client or more than one answers to {@code typed} */
    public static Client resolve(String typed, Collection<Client> clients) {
        String t = typed == null ? "" : typed.strip();
        for (Client c : clients) if (c.id().equals(t)) return c;
        String lower = t.toLowerCase(Locale.ROOT);
        List<Client> byName = clients.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(lower)).toList();
        if (byName.size() == 1) return byName.get(0);
        if (byName.size() > 1) throw ambiguous(typed, byName);
        String slug = Client.slug(t);
        List<Client> starting = clients.stream().filter(c -> !lower.isEmpty()
                && (c.id().startsWith(slug.isEmpty() ? lower : slug) || c.name().toLowerCase(Locale.ROOT).startsWith(lower))).toList();
        if (starting.size() == 1) return starting.get(0);
        if (starting.size() > 1) throw ambiguous(typed, starting);
        throw unknown(typed, clients);
    }

    private static NoSuchClientException ambiguous(String typed, List<Client> matches) {
        return new NoSuchClientException("client '" + typed + "' is ambiguous: it could be " + describe(matches)
                + "; type more of the name or the id", matches);
    }

    private static NoSuchClientException unknown(String typed, Collection<Client> clients) {
        Set<String> names = new LinkedHashSet<>();
        for (Client c : clients) {
            names.add(c.name());
            names.add(c.id());
        }
        String near = Suggestions.didYouMean(typed, names);
        String known = clients.isEmpty() ? "none yet (add one with: thrum clients add NAME)" : describe(new ArrayList<>(clients));
        return new NoSuchClientException("no client '" + typed + "'" + near + "; known clients: " + known, List.of());
    }

    private static String describe(List<Client> clients) {
        return String.join(", ", clients.stream().map(c -> c.name() + " (" + c.id() + ")").toList());
    }
}
