package dev.thrum.log;

import java.util.Objects;

/**
 * What is known about a session before it starts: what the runner hands to
 * {@link UsageLog#openJournal(SessionHeader)}.
 *
 * @param sessionId unique id, see {@link SessionIds#next}
 */
public record SessionHeader(String sessionId, String clientName, String programId, String programName,
                            DeviceInfo device) {
    public SessionHeader {
        Objects.requireNonNull(sessionId, "sessionId");
        if (sessionId.isBlank() || !sessionId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a session id may only use letters, digits, '.', '_' and '-': '"
                    + sessionId + "'");
        }
    }
}
