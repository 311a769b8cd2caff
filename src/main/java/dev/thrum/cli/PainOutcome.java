package dev.thrum.cli;

import dev.thrum.usage.OutcomeNote;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;

/** After a CLI session: asks the after-questions and adds the answers to the logged session. */
final class PainOutcome {
    private PainOutcome() {}

    static void askAfter(PainPrompts prompts, UsageLog log, SessionRecord logged, PainScores known, PrintWriter err) {
        PainScores answered = prompts.after(known);
        boolean news = answered.after() != null && !answered.after().equals(logged.pain().after())
                || answered.note() != null && !answered.note().equals(logged.pain().note());
        if (!news) return;
        try {
            log.appendOutcome(new OutcomeNote(logged.id(), Instant.now(),
                    new PainScores(null, answered.after(), java.util.List.of(), answered.note())));
        } catch (IOException e) {
            err.println("warning: could not add the pain score to the log (" + log.file() + "): " + e.getMessage());
        }
    }
}
