package dev.thrum.fhir;

import java.time.Duration;

/** What the FHIR server made of one transaction bundle. */
public sealed interface ServerAnswer {
    /** Every entry was created or already there: the entries' statuses in bundle order ("201 Created", "200 OK"). */
    record Done(java.util.List<String> statuses) implements ServerAnswer {
        public Done { statuses = java.util.List.copyOf(statuses); }

        public boolean created(int entry) { return entry < statuses.size() && statuses.get(entry).startsWith("201"); }
    }

    /** Not now: 503 and the like, or no connection. Nothing is taken as sent; try again later. */
    record Later(String why, Duration retryAfter) implements ServerAnswer {}

    /** The server refused this bundle (400, 404, 409, 412, 422, 500): something in it. */
    record Refused(int status, String why) implements ServerAnswer {}

    /** 401 or 403: no other bundle will fare better until the credentials are fixed. */
    record Unauthorized(int status, String why) implements ServerAnswer {}
}
