package dev.thrum.usage;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;

/** Whether a session is recent enough in the log for an outcome line to be folded into it. */
public final class RecentSessions {
    /** As many sessions as readers hold back to fold outcome lines in. */
    public static final int WINDOW = OutcomeWindow.SIZE;

    private RecentSessions() {}

    /** True when {@code sessionId} is among the last {@link #WINDOW} sessions of the log. */
    public static boolean contains(UsageLog log, String sessionId) {
        if (sessionId == null || !Files.exists(log.file())) return false;
        Deque<String> ids = new ArrayDeque<>();
        try {
            log.reader().read(r -> {
                ids.addLast(r.id());
                if (ids.size() > WINDOW) ids.removeFirst();
            }, w -> { });
        } catch (LogFileException e) {
            return false;
        }
        return ids.contains(sessionId);
    }
}
