package dev.thrum.daemon;

import dev.thrum.app.SessionService;
import dev.thrum.program.Client;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.ValidationException;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Plans a requested session through {@link SessionService}, exactly as {@code thrum run} does (the
 * program from the library, read fresh so a therapist's PUT counts at once; the client; every cap),
 * and turns the service's refusals into API answers: 404 for an unknown name, 400 for a bad file or
 * a program that cannot run, 409 for conditions not yet confirmed.
 */
final class ApiSessionPlanner implements SessionRequestPlanner {
    private final SessionService service;
    private final Supplier<RegionCatalogue> regions;

    /** @param library reads the region catalogue and says what is wrong with a bad override */
    ApiSessionPlanner(SessionService service, LibraryEndpoints library) {
        this.service = service;
        this.regions = library::catalogue;
    }

    @Override
    public SessionPlan plan(String programId, String clientId, boolean confirmed) {
        RegionCatalogue catalogue = regions.get();
        return answer(() -> service.prepare(catalogue, request(programId, clientId), new SessionService.Dialogue() {
            @Override
            public void warn(String message) {
                // bad program files are listed by GET /programs; a session request is not the place
            }

            @Override
            public boolean confirmConditions(Client client, List<String> confirmations) {
                if (!confirmed)
                    throw new ApiException(409, client.name() + " has conditions to confirm before the first session",
                            "read these to the person; if they agree, send the request again with \"confirmed\": true",
                            confirmations);
                return true;
            }
        }).orElseThrow().plan());
    }

    @Override
    public SessionPlan preview(String programId, String clientId) {
        RegionCatalogue catalogue = regions.get();
        return answer(() -> service.preview(catalogue, request(programId, clientId)));
    }

    private static SessionService.Request request(String programId, String clientId) {
        return new SessionService.Request(programId, clientId, SessionService.ProgramRefs.ID_ONLY);
    }

    private static SessionPlan answer(Supplier<SessionPlan> planning) {
        try {
            return planning.get();
        } catch (SessionService.UnknownName e) {
            throw ApiException.notFound(e.getMessage(), "list programs with GET /programs");
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage(), "list clients with GET /clients");
        } catch (ValidationException e) {
            throw LibraryEndpoints.invalid("the client file is not valid", e, "fix it with PUT /clients/ID");
        } catch (SessionService.CannotPlan e) {
            throw ApiException.badRequest(e.getMessage(), "fix the program; blocked regions can never be treated");
        }
    }
}
