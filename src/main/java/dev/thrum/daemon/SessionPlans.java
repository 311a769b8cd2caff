package dev.thrum.daemon;

import dev.thrum.program.SessionPlan;

/**
 * Makes the plan for a session request: the program from the library, the client's limits,
 * planned by the planner (so every cap of the region catalogue and the client applies).
 */
@FunctionalInterface
public interface SessionPlans {

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
