package dev.thrum.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** How Thrum proves itself to the clinic's FHIR server: nothing, a bearer token, or basic auth. */
public sealed interface ServerAuth {
    /** The Authorization header value, or null for none. */
    String header();

    record None() implements ServerAuth {
        public String header() { return null; }
    }

    record Bearer(String token) implements ServerAuth {
        public String header() { return "Bearer " + token; }
        @Override public String toString() { return "Bearer(***)"; }
    }

    record Basic(String user, String password) implements ServerAuth {
        public String header() {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        @Override public String toString() { return "Basic(" + user + ", ***)"; }
    }
}
