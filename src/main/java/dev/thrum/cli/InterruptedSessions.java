package dev.thrum.cli;

import dev.thrum.usage.JournalRecovery;
import dev.thrum.usage.UsageLog;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;

/**
 * A session cut short by a crash lives in the journal until something turns it into a record:
 * commands that read the log do that first, so what they show or send includes it.
 */
final class InterruptedSessions {
    private InterruptedSessions() {}

    /**
     * Recovers the journal's sessions into {@code log}; problems become warnings on {@code err}, and
     * with {@code listRecovered} each recovered session is named there too.
     */
    static void recover(UsageLog log, PrintWriter err, boolean listRecovered) {
        if (!Files.isDirectory(log.journalDir())) return;
        try {
            JournalRecovery.Result r = log.recover();
            if (listRecovered) {
                r.recovered().forEach(s -> err.println("thrum: recovered interrupted session " + s.id()
                        + " (started " + s.startedAt() + ")"));
            }
            r.problems().forEach(p -> err.println("thrum: warning: " + p));
        } catch (IOException e) {
            err.println("thrum: warning: could not recover unfinished sessions in " + log.journalDir() + ": " + e.getMessage());
        }
    }
}
