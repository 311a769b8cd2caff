package dev.thrum.daemon;

import dev.thrum.files.ClientStore;
import dev.thrum.files.ThrumDirs;
import dev.thrum.program.Client;
import dev.thrum.program.Planner;
import dev.thrum.program.Program;
import dev.thrum.program.SessionPlan;

/**
 * Plans a requested session the same way {@code thrum run} does: the program from the library
 * (built-ins and the user's files, read fresh so a therapist's PUT counts at once), the client from
 * the client store, the region catalogue with the user's override, then the planner.
 */
final class LibraryPlans implements SessionPlans {
    private final LibraryEndpoints library;
    private final ThrumDirs dirs;

    LibraryPlans(LibraryEndpoints library, ThrumDirs dirs) {
        this.library = library;
        this.dirs = dirs;
    }

    @Override
    public SessionPlan plan(String programId, String clientId, boolean confirmed) {
        Program program = library.findProgram(programId);
        Client client = clientId == null ? null : library.findClient(clientId);
        Planner planner = new Planner(library.catalogue());
        SessionPlan plan = plan(planner, program, client);
        if (!plan.confirmations().isEmpty()) {
            if (!confirmed)
                throw new ApiException(409, client.name() + " has conditions to confirm before the first session",
                        "read these to the person; if they agree, send the request again with \"confirmed\": true",
                        plan.confirmations());
            client = new ClientStore(dirs.clients()).confirmConditions(client.id());
            plan = plan(planner, program, client);
        }
        return plan;
    }

    @Override
    public SessionPlan preview(String programId, String clientId) {
        Program program = library.findProgram(programId);
        Client client = clientId == null ? null : library.findClient(clientId);
        return plan(new Planner(library.catalogue()), program, client);
    }

    private static SessionPlan plan(Planner planner, Program program, Client client) {
        try {
            return planner.plan(program, client);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "fix the program; blocked regions can never be treated");
        }
    }
}
