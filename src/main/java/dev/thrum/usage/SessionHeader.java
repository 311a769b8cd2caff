package dev.thrum.usage;

import java.util.Objects;

/**
 * What is known about a session before it starts: what the runner hands to
 * {@link UsageLog#openJournal(SessionHeader)}.
 *
 * @param sessionId unique id, see {@link SessionIds#next}
 * @param pain      pain scores known at the start (a score before, or all of them given by a script)
 * @param clientId  the client's id, null without a client
 */
public record SessionHeader(String sessionId, String clientName, String programId, String programName,
                            DeviceInfo device, PainScores pain, String clientId) {

    public SessionHeader(String sessionId, String clientName, String programId, String programName, DeviceInfo device) {
        this(sessionId, clientName, programId, programName, device, PainScores.NONE, null);
    }

    /** A header without a client id. */
    public SessionHeader(String sessionId, String clientName, String programId, String programName, DeviceInfo device,
                         PainScores pain) {
        this(sessionId, clientName, programId, programName, device, pain, null);
    }

    public SessionHeader {
        if (pain == null) pain = PainScores.NONE;
        Objects.requireNonNull(sessionId, "sessionId");
        if (sessionId.isBlank() || !sessionId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a session id may only use letters, digits, '.', '_' and '-': '"
                    + sessionId + "'");
        }
    }
}
