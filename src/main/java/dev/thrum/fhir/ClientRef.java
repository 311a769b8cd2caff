package dev.thrum.fhir;

import dev.thrum.program.Client;

/**
 * The person a record belongs to, as far as FHIR is told: Thrum's client id (the identifier) and the
 * name the therapist typed. Nothing else from the client record leaves the machine.
 */
public record ClientRef(String id, String name) {
    public static ClientRef named(String name) {
        return new ClientRef(Client.slug(name), name);
    }
}
