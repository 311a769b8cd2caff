package dev.thrum.usage;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Folds outcome lines into the session records they name while the log streams past. Records are
 * held back in a window of the last {@value #SIZE} before they go on, so an outcome line written
 * after a few more sessions still finds its record; memory stays bounded whatever the log's size.
 * An outcome for a session that is not in the window is reported (see docs/usage-log.md).
 */
final class OutcomeWindow {
    static final int SIZE = 256;

    private final Consumer<SessionRecord> sink;
    private final Deque<SessionRecord> held = new ArrayDeque<>();

    OutcomeWindow(Consumer<SessionRecord> sink) {
        this.sink = sink;
    }

    void record(SessionRecord r) {
        held.addLast(r);
        if (held.size() > SIZE) sink.accept(held.removeFirst());
    }

    /** @return false when the session it names is not among the held records */
    boolean outcome(OutcomeNote note) {
        // Newest first: the session is almost always the one just written.
        for (Iterator<SessionRecord> it = held.descendingIterator(); it.hasNext(); ) {
            SessionRecord r = it.next();
            if (!r.id().equals(note.sessionId())) continue;
            SessionRecord merged = r.withPain(r.pain().then(note.pain()));
            replace(r, merged);
            return true;
        }
        return false;
    }

    private void replace(SessionRecord old, SessionRecord merged) {
        Deque<SessionRecord> copy = new ArrayDeque<>(held.size());
        for (SessionRecord r : held) copy.addLast(r == old ? merged : r);
        held.clear();
        held.addAll(copy);
    }

    void finish() {
        while (!held.isEmpty()) sink.accept(held.removeFirst());
    }
}
