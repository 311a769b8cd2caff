package dev.thrum.daemon;

import dev.thrum.program.SessionPlan;

/**
 * The API's way to turn a session request (program id, client id, confirmed) into a plan, or to
 * refuse it with an answer the client can act on. The real one is {@link ApiSessionPlanner}, on the
 * application's {@link dev.thrum.app.SessionService}; tests of the HTTP side give a lambda.
 */
@FunctionalInterface
public interface SessionRequestPlanner {

    /**
     * @param clientId  null for no client
     * @param confirmed the person confirmed the warnings of their conditions (asked before a client's first run)
     * @throws ApiException 404 naming an unknown program or client, 400 for a program that cannot run,
     *                      409 listing the warnings when they need confirming first
     */
    SessionPlan plan(String programId, String clientId, boolean confirmed);

    /**
     * The plan as it would run, for showing before the start: its {@code confirmations} list the
     * warnings still to confirm, and nothing is confirmed or saved.
     *
     * @throws ApiException 404 naming an unknown program or client, 400 for a program that cannot run
     */
    default SessionPlan preview(String programId, String clientId) { return plan(programId, clientId, false); }
}
